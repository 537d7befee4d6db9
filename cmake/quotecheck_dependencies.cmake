# Every dependency is a Debian 12 package. A missing one stops configure with
# the apt-get line that installs it.
find_package(PkgConfig QUIET)

macro(quotecheck_require found package)
  if(NOT ${found})
    message(FATAL_ERROR
      "quotecheck needs the Debian package '${package}'. Install it with:\n"
      "  sudo apt-get install -y ${package}\n"
      "or run scripts/install-deps.sh to install everything at once.")
  endif()
endmacro()

if(NOT PkgConfig_FOUND)
  message(FATAL_ERROR "pkg-config is missing: sudo apt-get install -y pkg-config")
endif()

find_package(Boost 1.74 QUIET)
quotecheck_require(Boost_FOUND libboost-dev)

pkg_check_modules(ICU QUIET IMPORTED_TARGET icu-uc icu-i18n)
quotecheck_require(ICU_FOUND libicu-dev)

pkg_check_modules(SQLITE3 QUIET IMPORTED_TARGET sqlite3)
quotecheck_require(SQLITE3_FOUND libsqlite3-dev)

find_package(CLI11 QUIET CONFIG)
quotecheck_require(CLI11_FOUND libcli11-dev)

find_package(nlohmann_json 3 QUIET CONFIG)
quotecheck_require(nlohmann_json_FOUND nlohmann-json3-dev)

find_path(STEMMER_INCLUDE_DIR libstemmer.h)
find_library(STEMMER_LIBRARY stemmer)
if(STEMMER_INCLUDE_DIR AND STEMMER_LIBRARY)
  set(STEMMER_FOUND TRUE)
  add_library(stemmer::stemmer UNKNOWN IMPORTED)
  set_target_properties(stemmer::stemmer PROPERTIES
    IMPORTED_LOCATION ${STEMMER_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${STEMMER_INCLUDE_DIR})
endif()
quotecheck_require(STEMMER_FOUND libstemmer-dev)

pkg_check_modules(GUMBO QUIET IMPORTED_TARGET gumbo)
quotecheck_require(GUMBO_FOUND libgumbo-dev)

pkg_check_modules(ZLIB QUIET IMPORTED_TARGET zlib)
quotecheck_require(ZLIB_FOUND zlib1g-dev)
pkg_check_modules(ZSTD QUIET IMPORTED_TARGET libzstd)
quotecheck_require(ZSTD_FOUND libzstd-dev)

if(QUOTECHECK_BUILD_TESTS)
  find_package(Catch2 2 QUIET CONFIG)
  quotecheck_require(Catch2_FOUND catch2)
endif()
if(QUOTECHECK_BUILD_BENCHMARKS)
  find_package(benchmark QUIET CONFIG)
  quotecheck_require(benchmark_FOUND libbenchmark-dev)
endif()
find_package(Threads REQUIRED)

pkg_check_modules(SIMDJSON QUIET IMPORTED_TARGET simdjson)
quotecheck_require(SIMDJSON_FOUND libsimdjson-dev)
