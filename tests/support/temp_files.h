// Files in tests: a path under the temporary folder private to this test process, and a
// whole file's bytes.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace dh::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("dieuhanh-test-" + std::to_string(::getpid()) + "-" + name))
      .string();
}

}  // namespace dh::testing
