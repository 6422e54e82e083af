# Every dependency comes from Debian bookworm packages (see scripts/lib/packages.sh).
find_package(Boost 1.81 REQUIRED CONFIG COMPONENTS json url)
find_package(SQLiteCpp REQUIRED CONFIG)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
find_package(CLI11 REQUIRED CONFIG)

find_library(HPDF_LIBRARY NAMES hpdf REQUIRED)
find_path(HPDF_INCLUDE_DIR NAMES hpdf.h REQUIRED)
add_library(bimtek_hpdf INTERFACE)
target_link_libraries(bimtek_hpdf INTERFACE ${HPDF_LIBRARY})
target_include_directories(bimtek_hpdf SYSTEM INTERFACE ${HPDF_INCLUDE_DIR})

# Asio and Beast are compiled once (see server/transport/beast_impl.cpp and
# client/net/beast_impl.cpp) instead of in every translation unit that includes them.
add_library(bimtek_asio INTERFACE)
target_link_libraries(bimtek_asio INTERFACE Boost::headers Threads::Threads)
target_compile_definitions(bimtek_asio INTERFACE
  BOOST_ASIO_SEPARATE_COMPILATION BOOST_BEAST_SEPARATE_COMPILATION
  BOOST_ASIO_NO_DEPRECATED)
