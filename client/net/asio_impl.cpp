// The compiled parts of Asio and Beast for the client (BOOST_ASIO_SEPARATE_COMPILATION and
// BOOST_BEAST_SEPARATE_COMPILATION come from bimtek_client_asio). Built as C++17 with the same
// configuration as every other client TU that includes Asio, which all live in this target.
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
