// rebuy plugin SDK: the base of importers that read one JSON object per line
// (needs RapidJSON's headers).
//
// A JSON lines importer only has to say what a key means; the base reads the
// rows (rebuy/json_lines.hpp), applies the user's overrides, writes the
// fields, remembers the columns met for describe(), and reports progress:
//
//   class my_importer : public rebuy::json_lines_importer {
//   public:
//     my_importer(const rebuy::host &h, const rebuy::input &in, const rebuy::options &o)
//         : json_lines_importer(h, in, o, {"mine", "mine", REBUY_RECORD_REVIEW, "5"}) {}
//     static int probe(std::string_view head, std::string_view file_name) noexcept;
//   protected:
//     rebuy_role default_role(std::string_view key, const rapidjson::Value &) const override;
//   };
//
// - Every member becomes a field: strings as they are, numbers, booleans and
//   arrays as compact JSON; null, "", [] and {} left out like empty cells. An object
//   member without a role becomes one attribute per member ("style.Size:");
//   deeper levels stay JSON.
// - Options: map=ROLE=KEY gives a key a role (and takes it from the key that
//   had it by default), attribute=KEY takes a key's role away.
//   Keys are only known while reading, so a mapped key that never appears
//   gets a warning at the end rather than an error at the start.
// - An object with no key holding a value is skipped ("no key with a value").
#ifndef REBUY_JSON_IMPORTER_HPP
#define REBUY_JSON_IMPORTER_HPP

#include <rebuy/json_lines.hpp>
#include <rebuy/plugin.hpp>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace rebuy {

// For probe(): 90 when the first object of `head` is_ours(object); when no
// whole object could be parsed (one longer than the head), 60 if the head
// names every key of `keys` (quoted); else 0. Never throws.
template <class Predicate>
int probe_first_object(std::string_view head, Predicate is_ours,
                       std::initializer_list<std::string_view> keys) noexcept {
  try {
    rapidjson::Document doc;
    if (json_lines_reader::parse_first(head, doc)) return is_ours(doc) ? 90 : 0;
    size_t first = head.find_first_not_of(" \t\r\n[");
    if (first == std::string_view::npos || head[first] != '{') return 0;
    for (std::string_view key : keys)
      if (head.find("\"" + std::string(key) + "\"") == std::string_view::npos) return 0;
    return 60;
  } catch (...) {
    return 0;
  }
}

class json_lines_importer : public importer {
public:
  struct settings {
    std::string id;     // the plugin id, for messages
    std::string source; // the suggested source name
    rebuy_record_kind kind = REBUY_RECORD_REVIEW;
    std::string rating_max; // added to every record with a rating; empty: none
    line_reader::limits limits = {};
  };

  json_lines_importer(const host &h, const input &in, const options &opts, settings s)
      : host_(h), size_hint_(in.size_hint()), settings_(std::move(s)),
        reader_(in, settings_.limits), rating_max_name_("(fixed: " + settings_.rating_max + ")") {
    for (const auto &[key, value] : opts.items()) {
      if (key == "map") {
        size_t eq = value.find('=');
        auto role = eq == std::string::npos ? std::nullopt : role_from_name(value.substr(0, eq));
        if (!role)
          throw error(settings_.id + ": map must be ROLE=KEY with a known role, not \"" + value +
                      "\"");
        overrides_.emplace_back(value.substr(eq + 1), *role);
      } else if (key == "attribute") {
        overrides_.emplace_back(value, REBUY_ROLE_ATTRIBUTE);
      } else {
        host_.warn(settings_.id + ": ignoring unknown option \"" + key + "\"");
      }
    }
  }

  source_description describe() const override {
    return {settings_.source, settings_.kind, columns_};
  }

  bool read_batch(batch_builder &out, size_t max_rows) override {
    host_.check_cancelled();
    size_t target = out.row_count() + std::max<size_t>(max_rows, 1);
    json_row row;
    while (!exhausted_ && out.row_count() < target) {
      if (!reader_.next(row)) {
        finish();
        break;
      }
      if (row.what == json_row::kind::reject)
        out.reject(row.line, row.reason, row.raw);
      else if (row.what == json_row::kind::skip)
        out.skip(row.line, row.reason, row.raw);
      else
        add_record(out, row);
    }
    // size_hint counts the source's bytes, which decoding may have changed.
    uint64_t done = reader_.bytes_consumed();
    host_.progress(size_hint_ ? std::min(done, size_hint_) : done, size_hint_);
    return !exhausted_;
  }

protected:
  // The role of a top-level key of `object`, before the user's overrides.
  virtual rebuy_role default_role(std::string_view key, const rapidjson::Value &object) const = 0;
  // Why `object` is left out (a skip the user sees); empty to keep it.
  virtual std::string skip_reason(const rapidjson::Value &) const { return {}; }
  // Adds the record's fields: by default every member, through add_member().
  virtual void add_fields(const rapidjson::Value &object) {
    for (const auto &member : object.GetObject())
      add_member(json_string(member.name), member.value, object);
  }

  // A key's role with the user's overrides; the last override of a key wins,
  // and a role the user gave some key is no other key's by default.
  rebuy_role role_of(std::string_view key, const rapidjson::Value &object) const {
    auto it = std::find_if(overrides_.rbegin(), overrides_.rend(),
                           [&](const auto &o) { return o.first == key; });
    if (it != overrides_.rend()) return it->second;
    rebuy_role role = default_role(key, object);
    return mapped_by_user(role) ? REBUY_ROLE_ATTRIBUTE : role;
  }
  // True when the user gave some key this role (attribute does not count).
  bool mapped_by_user(rebuy_role role) const {
    return role != REBUY_ROLE_ATTRIBUTE &&
           std::any_of(overrides_.begin(), overrides_.end(),
                       [&](const auto &o) { return o.second == role; });
  }

  void add_member(std::string_view key, const rapidjson::Value &value,
                  const rapidjson::Value &object) {
    if ((value.IsArray() && value.Empty()) || (value.IsObject() && value.ObjectEmpty())) return;
    rebuy_role role = role_of(key, object);
    if (value.IsObject() && !value.ObjectEmpty() && role == REBUY_ROLE_ATTRIBUTE) {
      for (const auto &sub : value.GetObject()) {
        flat_name_.assign(key);
        flat_name_ += '.';
        flat_name_ += json_string(sub.name);
        add_field(REBUY_ROLE_ATTRIBUTE, flat_name_, json_value_text(sub.value, scratch_));
      }
      return;
    }
    add_field(role, key, json_value_text(value, scratch_));
  }

  // Adds a field to the current record; an empty value is left out.
  void add_field(rebuy_role role, std::string_view name, std::string_view value) {
    if (value.empty()) return;
    out_->field(role, name, value);
    ++fields_;
    rated_ |= role == REBUY_ROLE_RATING;
    // A name can meet two roles (an override, a flattened key): both count.
    seen_key_.assign(reinterpret_cast<const char *>(&role), sizeof role);
    seen_key_.append(name.data(), name.size());
    if (seen_.insert(seen_key_).second) columns_.emplace_back(std::string(name), role);
  }

private:
  void add_record(batch_builder &out, const json_row &row) {
    const rapidjson::Value &object = reader_.object();
    std::string why = skip_reason(object);
    if (!why.empty()) {
      out.skip(row.line, why, row.raw);
      return;
    }
    out.begin_record(row.line, settings_.kind);
    out_ = &out;
    fields_ = 0;
    rated_ = false;
    add_fields(object);
    if (rated_ && !settings_.rating_max.empty() && !mapped_by_user(REBUY_ROLE_RATING_MAX))
      add_field(REBUY_ROLE_RATING_MAX, rating_max_name_, settings_.rating_max);
    out_ = nullptr;
    if (fields_ == 0) {
      out.cancel_record();
      out.skip(row.line, "no key with a value", row.raw);
    }
  }

  void finish() {
    exhausted_ = true;
    if (reader_.array_unclosed())
      host_.warn(settings_.id + ": the JSON array never closes: the file may be cut off");
    for (const auto &override_role : overrides_) {
      const std::string &key = override_role.first; // C++17 lambdas cannot capture a binding
      bool met = std::any_of(columns_.begin(), columns_.end(), [&](const auto &c) {
        return c.first == key || c.first.rfind(key + '.', 0) == 0; // also flattened
      });
      if (!met) host_.warn(settings_.id + ": no record has the key \"" + key + "\"");
    }
  }

  host host_;
  uint64_t size_hint_;
  settings settings_;
  json_lines_reader reader_;
  std::string rating_max_name_; // names the rating_max field, which no key holds
  std::vector<std::pair<std::string, rebuy_role>> overrides_;
  std::vector<std::pair<std::string, rebuy_role>> columns_; // in first-seen order
  std::unordered_set<std::string> seen_;
  bool exhausted_ = false;

  batch_builder *out_ = nullptr; // the batch being written, inside read_batch only
  size_t fields_ = 0;
  bool rated_ = false;
  std::string scratch_, flat_name_, seen_key_; // reused per field
};

} // namespace rebuy

#endif // REBUY_JSON_IMPORTER_HPP
