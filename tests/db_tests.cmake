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
  ${CMAKE_CURRENT_LIST_DIR}/db_paraphrase_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/db_shared_lookups_test.cpp)
target_link_libraries(db_tests PRIVATE ${_db_catch_main} quotecheck_db Catch2::Catch2 PkgConfig::SQLITE3)
get_filename_component(_db_source_dir ${CMAKE_CURRENT_LIST_DIR}/.. ABSOLUTE)
target_compile_definitions(db_tests PRIVATE QUOTECHECK_SOURCE_DIR="${_db_source_dir}")
add_test(NAME db_tests COMMAND db_tests)

if(TARGET quotecheck)
  add_test(NAME cli_db
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/cli_db_test.sh $<TARGET_FILE:quotecheck> ${_db_source_dir})
endif()

# Durability (issue 7): kill -9 during `db import` and `audit`, concurrent
# writers and readers. `ctest -L durability` runs just these. Under the
# sanitizers every run is several times slower, so the kill loops do fewer
# trials there (QUOTECHECK_KILL_TRIALS overrides both).
if(TARGET quotecheck)
  if(QUOTECHECK_SANITIZE)
    set(_kill_trials 15)
  else()
    set(_kill_trials 50)
  endif()
  set(_durability ${CMAKE_CURRENT_LIST_DIR}/durability)
  add_test(NAME durability_kill_import
    COMMAND ${_durability}/kill_import_test.sh $<TARGET_FILE:quotecheck> ${_kill_trials})
  add_test(NAME durability_concurrent COMMAND ${_durability}/concurrent_test.sh $<TARGET_FILE:quotecheck>)
  add_test(NAME durability_kill_audit
    COMMAND ${_durability}/kill_audit_test.sh $<TARGET_FILE:quotecheck> ${_db_source_dir} ${_kill_trials})
  set_tests_properties(durability_kill_import durability_concurrent durability_kill_audit
    PROPERTIES LABELS durability TIMEOUT 600)
  # kill_audit_test.sh exits 77 while `quotecheck audit` does not exist yet.
  set_tests_properties(durability_kill_audit PROPERTIES SKIP_RETURN_CODE 77)
endif()
