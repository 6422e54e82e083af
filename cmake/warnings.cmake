# bimtek_warnings: the warning set for bimtek's own targets (not for third-party headers).
add_library(bimtek_warnings INTERFACE)
target_compile_options(bimtek_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # GCC 12 reports impossible overlaps inside std::string at -O3 (GCC bug 105651).
  target_compile_options(bimtek_warnings INTERFACE -Wno-restrict)
endif()
if(BIMTEK_WERROR)
  target_compile_options(bimtek_warnings INTERFACE -Werror)
endif()
