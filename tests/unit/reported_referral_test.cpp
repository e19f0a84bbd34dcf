// Stated intent (NPS class) against reported behaviour ("Recommended": yes/no).
#include "report/reported_referral.hpp"
#include "store/store.hpp"

#include "score_table.hpp"
#include "temp_store.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

using namespace rebuy::core;
using namespace rebuy::test;
namespace fs = std::filesystem;

namespace {

// One response per (class, answer), `count` times.
void add(sql::connection &db, const char *nps_class, const char *answer, int count) {
  static int id = 0;
  for (int i = 0; i < count; ++i) {
    ++id;
    auto r = db.prepare("INSERT INTO responses (id, source, key, key_hash, content_hash, kind, "
                        "run_id, attributes) VALUES (?1, 's', ?1, ?1, 'h', 'survey', 1, "
                        "json_object('Recommended', ?2))");
    r.bind(1, static_cast<int64_t>(id)).bind(2, std::string_view(answer)).run();
    add_score(db, id, "nps", "nps_class", 0, nps_class);
  }
}

} // namespace

TEST_CASE("reported referral: the share who say they recommended, per NPS class") {
  temp_db t;
  auto db = open_store(t.path);
  db->exec("INSERT INTO import_runs (id, file, importer, importer_version, source, started_at, "
           "status, mapping) VALUES (1, 'f', 'csv', '1', 's', '2024-01-01T00:00:00Z', 'done', "
           "'[{\"column\":\"Likely-To-Recommend\",\"role\":\"nps\"},"
           "{\"column\":\"Recommended\",\"role\":\"attribute\"}]')");
  add(*db, "promoter", "Yes.", 45);
  add(*db, "promoter", "No.", 5);
  add(*db, "promoter", "I don't remember.", 3);
  add(*db, "detractor", "Yes.", 1);
  add(*db, "detractor", "No", 3);
  auto r = reported_referral_of(*db, {});
  REQUIRE(r);
  CHECK(r->question == "Recommended");
  REQUIRE(r->rows.size() == 3);
  CHECK(r->rows[0].nps_class == "promoter");
  CHECK(r->rows[0].yes == 45);
  CHECK(r->rows[0].other == 3);
  CHECK(r->rows[0].share_yes == doctest::Approx(0.9));
  CHECK(r->rows[0].ci.low == doctest::Approx(0.7864).epsilon(1e-3)); // methods.md: 45/50
  CHECK(r->rows[0].ci.high == doctest::Approx(0.9565).epsilon(1e-3));
  CHECK(r->rows[1].yes + r->rows[1].no == 0); // no passives answered
  CHECK(r->rows[2].share_yes == doctest::Approx(0.25));
}

TEST_CASE("reported referral: absent when no column records it") {
  temp_db t;
  auto db = open_store(t.path);
  db->exec("INSERT INTO import_runs (id, file, importer, importer_version, source, started_at, "
           "status, mapping) VALUES (1, 'f', 'csv', '1', 's', '2024-01-01T00:00:00Z', 'done', "
           "'[{\"column\":\"Would you recommend us?\",\"role\":\"recommend\"}]')");
  CHECK_FALSE(reported_referral_of(*db, {}));
}
