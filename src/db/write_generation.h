// How many write transactions this process has committed through db::InTransaction (on
// any database). A cache of what is in the database (auth's sessions) stamps each entry
// with this and drops the entry once it has moved.
#pragma once

#include <cstdint>

namespace dh::db {

uint64_t WriteGeneration();

}  // namespace dh::db
