# The audit's summary.json and report.html (issue 6): Catch2 tests, and the
# report rendered in headless Chromium (ctest label `browser`; `ctest -L
# browser` alone, `ctest -LE browser` without it). Included from
# tests/CMakeLists.txt.

if(TARGET quotecheck_audit)
  add_executable(audit_report_tests ${CMAKE_CURRENT_LIST_DIR}/audit_report_test.cpp
                                  ${CMAKE_CURRENT_LIST_DIR}/audit_state_test.cpp)
  target_link_libraries(audit_report_tests PRIVATE quotecheck_catch_main quotecheck_audit)
  add_test(NAME audit_report_tests COMMAND audit_report_tests)

  # Writes a report with every section from invented data, for the browser test.
  add_executable(audit_report_sample ${CMAKE_CURRENT_LIST_DIR}/audit/write_sample_report.cpp)
  target_link_libraries(audit_report_sample PRIVATE quotecheck_audit)

  if(TARGET quotecheck)
    add_test(NAME audit_report_browser
      COMMAND ${CMAKE_CURRENT_LIST_DIR}/audit/report_html_browser_test.sh $<TARGET_FILE:quotecheck>
              $<TARGET_FILE:audit_report_sample> ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/sample.db)
    set_tests_properties(audit_report_browser PROPERTIES LABELS browser SKIP_RETURN_CODE 77 TIMEOUT 900)
  endif()
endif()
