# The db library's Catch2 tests and its end-to-end CLI test. Included from
# tests/CMakeLists.txt.

if(TARGET quotecheck_catch_main)
  set(_db_catch_main quotecheck_catch_main)
else()
  add_library(db_catch_main OBJECT ${CMAKE_CURRENT_LIST_DIR}/catch_main.cpp)
  target_link_libraries(db_catch_main PUBLIC Catch2::Catch2)
  set(_db_catch_main db_catch_main)
endif()

add_executable(db_tests
  ${CMAKE_CURRENT_LIST_DIR}/db_schema_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/db_import_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/db_align_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/db_verdict_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/db_paraphrase_test.cpp)
target_link_libraries(db_tests PRIVATE ${_db_catch_main} quotecheck_db Catch2::Catch2 PkgConfig::SQLITE3)
get_filename_component(_db_source_dir ${CMAKE_CURRENT_LIST_DIR}/.. ABSOLUTE)
target_compile_definitions(db_tests PRIVATE QUOTECHECK_SOURCE_DIR="${_db_source_dir}")
add_test(NAME db_tests COMMAND db_tests)

if(TARGET quotecheck)
  add_test(NAME cli_db
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/cli_db_test.sh $<TARGET_FILE:quotecheck> ${_db_source_dir})
endif()
