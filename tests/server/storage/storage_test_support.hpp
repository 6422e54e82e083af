// What the storage tests share: a temporary directory, a notifier that records, a store on a real
// file (the fixture), and sample records with every field set.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "server/domain/notifier.hpp"
#include "server/domain/store.hpp"
#include "server/storage/sqlite_store.hpp"

namespace bimtek::storage::testing {

// A fresh, uniquely named directory under the system's temp directory, removed with its
// contents on destruction.
class temp_dir {
public:
    temp_dir();
    ~temp_dir();
    temp_dir(temp_dir const&) = delete;
    temp_dir& operator=(temp_dir const&) = delete;

    std::filesystem::path const& path() const { return path_; }
    // The path of "name" inside the directory.
    std::string file(std::string const& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

// Keeps every published update; "on_publish", if set, runs inside publish().
class recording_notifier final : public domain::notifier {
public:
    void publish(domain::stream_update const& u) override {
        if (on_publish) on_publish(u);
        published.push_back(u);
    }

    std::vector<domain::stream_update> published;
    std::function<void(domain::stream_update const&)> on_publish;
};

// An optional time as unix milliseconds, for comparisons that print well.
inline std::optional<std::int64_t> unix_ms(std::optional<timestamp> const& t) {
    if (!t) return std::nullopt;
    return to_unix_ms(*t);
}

// Sample records with every field set (optionals engaged).
domain::staff_user sample_user(std::string username);
domain::event sample_event(std::string title);
domain::participant sample_participant(domain::event_id event, std::string name, std::string code);
domain::session sample_session(domain::event_id event, std::string title);
domain::stream_update sample_update(domain::event_id event, std::string kind);

// A store on "bimtek.db" in a temp directory made in SetUp and removed in TearDown.
class store_test : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    std::string db_path() const { return dir_->file("bimtek.db"); }
    // Closes the store and opens the file again.
    void reopen();

    // Runs "f(repositories&)" in a write that must succeed; returns what "f" returns.
    template <class F>
    auto write_ok(F&& f) {
        return run(true, std::forward<F>(f));
    }
    // Runs "f(repositories&)" in a read that must succeed; returns what "f" returns.
    template <class F>
    auto read_ok(F&& f) {
        return run(false, std::forward<F>(f));
    }

    std::unique_ptr<temp_dir> dir_;
    recording_notifier notifier_;
    std::unique_ptr<sqlite_store> store_;

private:
    // Throws (failing the test) when "st" is an error.
    static void require_ok(domain::status const& st);

    template <class F>
    auto run(bool write, F&& f) {
        using value = std::invoke_result_t<F&, domain::repositories&>;
        if constexpr (std::is_void_v<value>) {
            auto work = [&](domain::repositories& r) -> domain::status {
                f(r);
                return {};
            };
            require_ok(write ? store_->write(work) : store_->read(work));
        } else {
            std::optional<value> out;
            auto work = [&](domain::repositories& r) -> domain::status {
                out.emplace(f(r));
                return {};
            };
            require_ok(write ? store_->write(work) : store_->read(work));
            return std::move(*out);
        }
    }
};

}  // namespace bimtek::storage::testing
