// The live connections of the server, so that a graceful shutdown can reach every one of them.
// Thread-safe. Holds weak references only: connections own themselves (through the
// shared_ptrs bound into their handlers) and leave the registry when destroyed.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace bimtek::transport {

// Something the server can ask to finish up: stop reading new requests, complete what is in
// flight, then close. shutdown() must be callable from any thread.
class closable {
public:
    virtual ~closable() = default;
    virtual void shutdown() = 0;
};

class connection_registry {
public:
    // Registers "c"; returns 0 when the server is already stopping (the caller should close).
    std::uint64_t add(std::weak_ptr<closable> c);
    void remove(std::uint64_t id);
    // Marks the registry as stopping and calls shutdown() on every live connection (without
    // holding the lock while doing so).
    void shutdown_all();
    std::size_t size() const;
    bool stopping() const;

private:
    mutable std::mutex mutex_;
    std::unordered_map<std::uint64_t, std::weak_ptr<closable>> live_;  // guarded by mutex_
    std::uint64_t next_id_ = 1;                                        // guarded by mutex_
    bool stopping_ = false;                                            // guarded by mutex_
};

}  // namespace bimtek::transport
