// --option scoping: "ID.KEY=VALUE" reaches only plugin ID, unscoped keys go
// where they always went, and a scope naming no loaded plugin is refused.
#include "host/plugin_options.hpp"
#include "pipeline/analyze_pipeline.hpp"
#include "pipeline/import_pipeline.hpp"
#include "report/response_scan.hpp"
#include "store/store.hpp"
#include "util/errors.hpp"

#include "score_table.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace rebuy::core;
using namespace rebuy::test;
namespace fs = std::filesystem;

namespace {

struct fixture {
  fs::path dir = fs::temp_directory_path() / ("rebuy-options-" + std::to_string(::getpid()));
  plugin_registry registry;
  std::unique_ptr<sql::connection> db;
  fixture() {
    fs::remove_all(dir);
    fs::create_directories(dir);
    registry.scan({REBUY_PLUGIN_BUILD_DIR});
    db = open_store(dir / "t.db");
  }
  ~fixture() {
    db.reset();
    fs::remove_all(dir);
  }
  std::string mapping() {
    auto s = db->prepare("SELECT mapping FROM import_runs ORDER BY id DESC LIMIT 1");
    s.step();
    return std::string(s.column_text(0));
  }
};

} // namespace

TEST_CASE("--option: scoped keys lose their prefix, unscoped ones stay, bad scopes are refused") {
  fixture f;
  auto o = parse_plugin_options({"include_spam=1", "buy_again.scale=5", "csv.map=nps=Q7",
                                 "ratio=1.5", "buy_again.preset=top2"},
                                f.registry);
  CHECK(o.unscoped == option_list{{"include_spam", "1"}, {"ratio", "1.5"}}); // a dot in a value
  CHECK(o.scoped.size() == 2);
  CHECK(o.scoped["buy_again"] == option_list{{"scale", "5"}, {"preset", "top2"}});
  CHECK(o.scoped["csv"] == option_list{{"map", "nps=Q7"}});
  CHECK(options_for("buy_again", {{"a", "1"}}, o.scoped) ==
        option_list{{"a", "1"}, {"scale", "5"}, {"preset", "top2"}});
  CHECK(options_for("nps", {{"a", "1"}}, o.scoped) == option_list{{"a", "1"}});

  CHECK_THROWS_WITH_AS(parse_plugin_options({"buy_agian.scale=5"}, f.registry),
                       doctest::Contains("'buy_agian' names no loaded importer or analyzer"),
                       usage_error);
  CHECK_THROWS_AS(parse_plugin_options({".scale=5"}, f.registry), usage_error);
  CHECK_THROWS_AS(parse_plugin_options({"buy_again.=5"}, f.registry), usage_error);
  CHECK_THROWS_AS(parse_plugin_options({"scale"}, f.registry), usage_error);
}

TEST_CASE("--option: an analyzer's scoped option reaches that analyzer only") {
  fixture f;
  import_request request;
  request.file = f.dir / "answers.csv";
  std::ofstream(request.file) << "id,Would you buy from us again?\n1,5\n2,1\n";
  import_file(f.registry, *f.db, request);
  auto levels = [&] {
    unpack_scores(*f.db);
    auto s = f.db->prepare("SELECT count(*) FROM scores WHERE analyzer = 'buy_again' AND metric "
                           "= 'buy_again_level'");
    s.step();
    return s.column_int(0);
  };
  analysis_request plain;
  analyze_store(f.registry, *f.db, plain);
  CHECK(levels() == 0); // a bare number has no scale: never guessed

  analysis_request scoped;
  scoped.rerun = true;
  scoped.scoped["buy_again"] = {{"scale", "5"}};
  analyze_store(f.registry, *f.db, scoped);
  CHECK(levels() == 2);

  // buy_again refuses a preset it does not know; scoped to another analyzer, it never sees it.
  analysis_request elsewhere;
  elsewhere.rerun = true;
  elsewhere.scoped["text_signals"] = {{"preset", "nope"}};
  CHECK_NOTHROW(analyze_store(f.registry, *f.db, elsewhere));
  analysis_request here;
  here.rerun = true;
  here.scoped["buy_again"] = {{"preset", "nope"}};
  CHECK_THROWS_WITH(analyze_store(f.registry, *f.db, here), doctest::Contains("preset=nope"));
}

TEST_CASE("--option: an importer's scoped option reaches the importer it names only") {
  fixture f;
  import_request request;
  request.file = f.dir / "feedback.csv";
  std::ofstream(request.file) << "id,comment\n1,lovely boots\n";
  request.scoped["orders"] = {{"attribute", "comment"}};
  import_file(f.registry, *f.db, request);
  CHECK(columns_with_role(f.mapping(), "attribute").empty()); // csv read the file, not orders

  request.scoped = {{"csv", {{"attribute", "comment"}}}};
  import_file(f.registry, *f.db, request);
  CHECK(columns_with_role(f.mapping(), "attribute") == std::vector<std::string>{"comment"});
}
