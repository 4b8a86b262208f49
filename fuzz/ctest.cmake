# A short fuzz run in `make test` (ctest label fuzz): the clang build of fuzz/ in
# build-fuzz once (it takes both cores, so nothing runs beside it), then each target for
# 10 s. `make fuzz` runs them longer. See scripts/fuzz.sh.
file(GLOB FUZZ_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/fuzz/*_fuzz.cc)
add_test(NAME fuzz_build COMMAND ${CMAKE_SOURCE_DIR}/scripts/fuzz.sh --build-only)
set_tests_properties(fuzz_build PROPERTIES LABELS fuzz FIXTURES_SETUP fuzz_bin PROCESSORS 2
  TIMEOUT 900)
foreach(src ${FUZZ_SOURCES})
  get_filename_component(name ${src} NAME_WE)
  string(REGEX REPLACE "_fuzz$" "" name ${name})
  add_test(NAME fuzz_${name} COMMAND ${CMAKE_SOURCE_DIR}/scripts/fuzz.sh --no-build ${name})
  set_tests_properties(fuzz_${name} PROPERTIES LABELS fuzz FIXTURES_REQUIRED fuzz_bin
    ENVIRONMENT "FUZZ_SECONDS=10" TIMEOUT 120)
endforeach()
