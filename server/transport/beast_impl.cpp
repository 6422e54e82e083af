// The compiled parts of Asio and Beast, built once for the server (see
// BOOST_ASIO_SEPARATE_COMPILATION / BOOST_BEAST_SEPARATE_COMPILATION in cmake/dependencies.cmake).
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
