# Zips every SRC/<name>/ (the XML parts of a .docx template) into OUT_DIR/<name>.docx and
# writes OUT_CC: a C++ file holding each template's bytes (documents/templates.h).
# [Content_Types].xml goes first, the time stamps are fixed: the same parts give the same file.
file(GLOB names RELATIVE ${SRC} ${SRC}/*)
list(SORT names)
file(MAKE_DIRECTORY ${OUT_DIR})
set(body "#include \"documents/templates.h\"\nnamespace dh::documents {\nnamespace {\n")
set(table "")
foreach(name ${names})
  if(NOT IS_DIRECTORY ${SRC}/${name})
    continue()
  endif()
  file(GLOB_RECURSE parts RELATIVE ${SRC}/${name} ${SRC}/${name}/*)
  list(SORT parts)
  list(REMOVE_ITEM parts "[Content_Types].xml")
  set(docx ${OUT_DIR}/${name}.docx)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E tar cf ${docx} --format=zip "--mtime=2026-01-01 00:00:00 UTC"
            "[Content_Types].xml" ${parts}
    WORKING_DIRECTORY ${SRC}/${name} RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "Could not zip the template ${name}")
  endif()
  file(READ ${docx} hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  string(APPEND body "const char k_${name}[] = {${bytes}};\n")
  string(APPEND table "      {\"${name}\", std::string_view(k_${name}, sizeof k_${name})},\n")
endforeach()
string(APPEND body "}  // namespace\n\nconst std::vector<BuiltInTemplate>& BuiltInTemplates() {\n")
string(APPEND body "  static const std::vector<BuiltInTemplate> kTemplates = {\n${table}  };\n")
string(APPEND body "  return kTemplates;\n}\n\n}  // namespace dh::documents\n")
file(WRITE ${OUT_CC}.tmp "${body}")
file(COPY_FILE ${OUT_CC}.tmp ${OUT_CC} ONLY_IF_DIFFERENT)
