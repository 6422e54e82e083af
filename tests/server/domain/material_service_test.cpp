// Materials through the fakes: who may upload and see what, the allow-list and limits, publishing
// and its updates, deleting and collecting unused files, and opening by token or signed link.
#include "server/domain/material_service.hpp"

#include <stdlib.h>  // mkdtemp

#include <fstream>

#include "tests/server/domain/domain_fixture.hpp"
#include "tests/support/fake_file_store.hpp"
#include "tests/support/fake_link_signer.hpp"

namespace bimtek::test {
namespace {

using namespace domain;
using namespace std::chrono_literals;

// Upload bodies as files in a fresh directory (as http_connection leaves them in data/tmp).
class upload_dir {
public:
    upload_dir() {
        std::string templ = (std::filesystem::temp_directory_path() / "bimtek-up-XXXXXX").string();
        path_ = ::mkdtemp(templ.data());
    }
    ~upload_dir() { std::filesystem::remove_all(path_); }
    std::filesystem::path write(std::string const& bytes) {
        auto p = path_ / ("upload-" + std::to_string(++n_));
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }

private:
    std::filesystem::path path_;
    int n_ = 0;
};

std::string pdf(std::string tail = "body") {
    return "%PDF-1.7\n" + tail;
}

class material_service_test : public domain_fixture {
protected:
    fake_file_store files;
    fake_link_signer signer;
    material_service materials{store, files, signer, clock, material_policy{1000}};
    upload_dir uploads;

    session own = seed_session(store, event.id, "Pemasaran Digital", wib(10), wib(11), speaker.id);
    session other = seed_session(store, event.id, "Pembukuan", wib(13), wib(14));
    participant ayu =
        seed_participant(store, event.id, "Ni Luh Putu Ayu", attendance_mode::online, "AAAACCCC");

    material_upload body(std::string bytes, std::string filename = "materi.pdf",
                         std::string type = "application/pdf") {
        material_upload u;
        u.filename = std::move(filename);
        u.content_type = std::move(type);
        u.size = bytes.size();
        u.path = uploads.write(bytes);
        return u;
    }
    material_view uploaded(std::string bytes = pdf(), std::string filename = "materi.pdf") {
        auto r =
            materials.upload(as_speaker(), own.id, body(std::move(bytes), std::move(filename)));
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? *r : material_view{};
    }
    std::vector<std::string> kinds() {
        std::vector<std::string> out;
        for (auto const& u : notifier.updates()) out.push_back(u.kind);
        return out;
    }
    static std::optional<std::string> param(std::string const& url, std::string const& name) {
        auto at = url.find(name + "=");
        if (at == std::string::npos) return std::nullopt;
        auto end = url.find('&', at);
        return url.substr(at + name.size() + 1, end == std::string::npos
                                                    ? std::string::npos
                                                    : end - at - name.size() - 1);
    }
    result<material_file> by_link(material_id id, std::string const& url) {
        return materials.open_by_link(id, param(url, "expires"), param(url, "scope"),
                                      param(url, "sig"));
    }
};

TEST_F(material_service_test, the_speaker_uploads_and_everyone_hears_of_it) {
    auto m = uploaded(pdf(), "../Materi Pemasaran.pdf");
    EXPECT_GT(m.material.id, 0);
    EXPECT_EQ(m.material.session, own.id);
    EXPECT_EQ(m.material.event, event.id);
    EXPECT_EQ(m.material.filename, "Materi Pemasaran.pdf");
    EXPECT_EQ(m.material.content_type, "application/pdf");
    EXPECT_EQ(m.material.size, pdf().size());
    EXPECT_EQ(m.material.uploaded_by, speaker.id);
    EXPECT_EQ(m.material.uploaded_at, wib(9));
    EXPECT_NE(m.url.find("scope=staff"), std::string::npos);
    EXPECT_EQ(files.files().at(m.material.sha256), pdf());

    auto updates = notifier.updates();
    ASSERT_EQ(updates.size(), 1u);
    EXPECT_EQ(updates[0].kind, "material.published");
    EXPECT_EQ(updates[0].session, own.id);
    EXPECT_EQ(updates[0].full_data, updates[0].public_data);
    auto data = parse_object(updates[0].public_data).at("material").as_object();
    EXPECT_EQ(data.at("id").as_int64(), m.material.id);
    EXPECT_EQ(data.at("filename").as_string(), "Materi Pemasaran.pdf");
    std::string url(data.at("url").as_string());
    EXPECT_NE(url.find("scope=public"), std::string::npos);
    EXPECT_TRUE(by_link(m.material.id, url).ok());
}

TEST_F(material_service_test, coordinators_upload_anywhere_others_nowhere) {
    EXPECT_TRUE(materials.upload(as_coordinator(), other.id, body(pdf())).ok());
    EXPECT_ERROR(materials.upload(as_speaker(), other.id, body(pdf())), forbidden, "forbidden");
    EXPECT_ERROR(materials.upload(principal_of(ayu), own.id, body(pdf())), forbidden, "forbidden");
    auto foreign = other_event();
    EXPECT_ERROR(materials.upload(principal_of(foreign.user), own.id, body(pdf())), forbidden,
                 "forbidden");
    EXPECT_ERROR(materials.upload(as_coordinator(), 9999, body(pdf())), not_found,
                 "session_not_found");
}

TEST_F(material_service_test, refused_uploads_read_nothing_and_store_nothing) {
    EXPECT_ERROR(materials.upload(as_speaker(), own.id, body("<html>", "x.html", "text/html")),
                 unsupported_type, "unsupported_type");
    EXPECT_ERROR(materials.upload(as_speaker(), own.id, body("<html>", "x.pdf")), unsupported_type,
                 "content_mismatch");
    EXPECT_ERROR(materials.upload(as_speaker(), own.id, body(pdf(std::string(1000, 'x')))),
                 too_large, "body_too_large");
    EXPECT_ERROR(materials.upload(as_speaker(), own.id, body("")), invalid, "invalid_field");
    EXPECT_ERROR(materials.upload(as_speaker(), own.id, body(pdf(), "\xFF.pdf")), invalid,
                 "invalid_field");
    EXPECT_EQ(files.keeps(), 0);
    EXPECT_TRUE(notifier.updates().empty());
    EXPECT_TRUE(materials.list(as_coordinator(), own.id)->empty());
}

TEST_F(material_service_test, exactly_the_limit_is_accepted) {
    EXPECT_TRUE(
        materials.upload(as_speaker(), own.id, body(pdf(std::string(1000 - pdf("").size(), 'x'))))
            .ok());
}

TEST_F(material_service_test, a_failed_store_adds_no_material) {
    files.fail_next_keep();
    EXPECT_ERROR(materials.upload(as_speaker(), own.id, body(pdf())), internal, "upload_failed");
    EXPECT_TRUE(materials.list(as_coordinator(), own.id)->empty());
    EXPECT_TRUE(notifier.updates().empty());
}

TEST_F(material_service_test, a_failed_commit_leaves_no_stored_file_behind) {
    store.fail_next_write();
    EXPECT_ERROR(materials.upload(as_speaker(), own.id, body(pdf())), internal, "storage_failure");
    EXPECT_EQ(files.keeps(), 1);
    EXPECT_TRUE(files.files().empty());
    EXPECT_TRUE(materials.list(as_coordinator(), own.id)->empty());

    // A file another material uses stays.
    auto first = uploaded(pdf("same"));
    store.fail_next_write();
    EXPECT_FALSE(materials.upload(as_speaker(), own.id, body(pdf("same"))).ok());
    EXPECT_EQ(files.files().size(), 1u);
    EXPECT_TRUE(materials.open(as_speaker(), first.material.id).ok());
}

TEST_F(material_service_test, drafts_are_for_staff_until_published) {
    auto u = body(pdf());
    u.published = false;
    auto draft = materials.upload(as_speaker(), own.id, u);
    ASSERT_TRUE(draft.ok());
    EXPECT_TRUE(notifier.updates().empty());
    EXPECT_TRUE(materials.list(principal_of(ayu), own.id)->empty());
    EXPECT_EQ(materials.list(as_speaker(), own.id)->size(), 1u);
    EXPECT_ERROR(materials.open(principal_of(ayu), draft->material.id), not_found,
                 "material_not_found");
    EXPECT_TRUE(materials.open(as_coordinator(), draft->material.id).ok());

    auto published = materials.set_published(as_speaker(), draft->material.id, true);
    ASSERT_TRUE(published.ok());
    EXPECT_EQ(kinds(), std::vector<std::string>{"material.published"});
    auto listed = materials.list(principal_of(ayu), own.id);
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_NE(listed->at(0).url.find("scope=public"), std::string::npos);
    EXPECT_TRUE(materials.open(principal_of(ayu), draft->material.id).ok());

    // The same state again: no update.
    ASSERT_TRUE(materials.set_published(as_speaker(), draft->material.id, true).ok());
    ASSERT_TRUE(materials.set_published(as_coordinator(), draft->material.id, false).ok());
    EXPECT_EQ(kinds(), (std::vector<std::string>{"material.published", "material.unpublished"}));
    auto gone = parse_object(notifier.updates().back().public_data).at("material").as_object();
    EXPECT_EQ(gone.size(), 2u);  // {"id", "session_id"}
    EXPECT_ERROR(materials.set_published(principal_of(ayu), draft->material.id, true), forbidden,
                 "forbidden");
}

TEST_F(material_service_test, links_follow_publication_scope_and_expiry) {
    auto m = uploaded();
    std::string public_url = materials.list(principal_of(ayu), own.id)->at(0).url;
    std::string staff_url = materials.list(as_coordinator(), own.id)->at(0).url;
    EXPECT_TRUE(by_link(m.material.id, public_url).ok());
    ASSERT_TRUE(materials.set_published(as_speaker(), m.material.id, false).ok());
    EXPECT_ERROR(by_link(m.material.id, public_url), not_found, "material_not_found");
    EXPECT_TRUE(by_link(m.material.id, staff_url).ok());
    EXPECT_ERROR(by_link(m.material.id + 1, staff_url), forbidden, "invalid_link");
    clock.advance(download_link_lifetime + 1h);
    EXPECT_ERROR(by_link(m.material.id, staff_url), forbidden, "invalid_link");
    EXPECT_ERROR(materials.open_by_link(m.material.id, std::nullopt, std::nullopt, std::nullopt),
                 forbidden, "invalid_link");
}

TEST_F(material_service_test, the_file_is_where_the_store_keeps_it) {
    auto m = uploaded();
    auto f = materials.open(principal_of(ayu), m.material.id);
    ASSERT_TRUE(f.ok());
    EXPECT_EQ(f->path, files.locate(m.material.sha256));
    EXPECT_EQ(f->material.filename, "materi.pdf");
    auto foreign = other_event();
    EXPECT_ERROR(materials.open(principal_of(foreign.user), m.material.id), forbidden, "forbidden");
    EXPECT_ERROR(materials.open(principal_of(ayu), 9999), not_found, "material_not_found");
}

TEST_F(material_service_test, deleting_collects_files_nothing_uses) {
    auto a = uploaded(pdf("same"));
    auto b = uploaded(pdf("same"));
    EXPECT_EQ(a.material.sha256, b.material.sha256);
    EXPECT_EQ(files.files().size(), 1u);
    ASSERT_TRUE(materials.remove(as_speaker(), a.material.id).ok());
    EXPECT_EQ(files.files().size(), 1u);
    ASSERT_TRUE(materials.remove(as_coordinator(), b.material.id).ok());
    EXPECT_TRUE(files.files().empty());
    EXPECT_EQ(kinds(), (std::vector<std::string>{"material.published", "material.published",
                                                 "material.unpublished", "material.unpublished"}));
    EXPECT_ERROR(materials.remove(as_speaker(), a.material.id), not_found, "material_not_found");
}

TEST_F(material_service_test, deleting_needs_the_sessions_runner) {
    auto m = uploaded();
    EXPECT_ERROR(materials.remove(principal_of(ayu), m.material.id), forbidden, "forbidden");
    auto foreign = other_event();
    EXPECT_ERROR(materials.remove(principal_of(foreign.user), m.material.id), forbidden,
                 "forbidden");
    EXPECT_EQ(files.files().size(), 1u);
}

TEST_F(material_service_test, listing_needs_membership) {
    uploaded();
    auto foreign = other_event();
    EXPECT_ERROR(materials.list(principal_of(foreign.user), own.id), forbidden, "forbidden");
    EXPECT_ERROR(materials.list(as_coordinator(), 9999), not_found, "session_not_found");
}

}  // namespace
}  // namespace bimtek::test
