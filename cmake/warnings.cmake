# bimtek_warnings: the warning set for bimtek's own targets (not for third-party headers).
add_library(bimtek_warnings INTERFACE)
target_compile_options(bimtek_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)
if(BIMTEK_WERROR)
  target_compile_options(bimtek_warnings INTERFACE -Werror)
endif()
