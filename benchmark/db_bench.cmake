# The db benchmark (Google Benchmark plus --generate / --latency modes used by
# scripts/bench_db.sh). Included from benchmark/CMakeLists.txt.
add_executable(db_bench ${CMAKE_CURRENT_LIST_DIR}/db_bench.cpp)
target_link_libraries(db_bench PRIVATE quotecheck_db benchmark::benchmark PkgConfig::SQLITE3)
