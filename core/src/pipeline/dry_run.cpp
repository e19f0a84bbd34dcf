#include "pipeline/dry_run.hpp"

#include "pipeline/stager.hpp"
#include "util/utf8.hpp"

#include <rebuy/plugin.hpp>

namespace rebuy::core {

dry_run_outcome dry_run_import(const plugin_registry &registry, const import_request &request,
                               size_t preview_rows, size_t issue_rows) {
  import_source opened(registry, request);
  dry_run_outcome out;
  out.importer = opened.plugin->id();
  out.importer_version = opened.plugin->version();
  out.encoding = opened.reader.encoding();
  out.converted = opened.reader.converted();
  auto description = opened.session->describe();
  out.source = !request.source.empty()       ? request.source
               : !description.source.empty() ? description.source
                                             : request.file.filename().string();

  // Staged like a real import, so refused values are counted too.
  stager stage({}, request.dates);
  staged_batch staged;
  rebuy_batch batch;
  while (opened.session->next(request.batch_size, batch)) {
    for (size_t i = 0; i < batch.record_count && out.preview.size() < preview_rows; ++i) {
      const auto &record = batch.records[i];
      std::vector<previewed_field> fields;
      for (size_t f = 0; f < record.field_count; ++f)
        fields.push_back({record.fields[f].role, repair_utf8(to_view(record.fields[f].name)),
                          repair_utf8(to_view(record.fields[f].value))});
      out.preview.emplace_back(record.line, std::move(fields));
    }
    staged.clear();
    stage.stage(batch, staged);
    out.records += batch.record_count;
    out.rejected += batch.reject_count;
    out.skipped += batch.skip_count;
    out.values_refused += staged.value_rejects.size();
    for (const auto *list : {&staged.rejects, &staged.skips, &staged.value_rejects})
      for (const auto &issue : *list)
        if (out.issues.size() < issue_rows) out.issues.push_back(issue);
    for (const auto &counted : staged.counted_skips)
      if (out.issues.size() < issue_rows)
        out.issues.push_back({counted.first_lines[0], counted.reason, {}});
  }
  out.date_note = stage.date_note();
  out.relative_date_note = stage.relative_date_note();
  // The mapping may grow while reading.
  auto described = opened.session->describe();
  out.columns = std::move(described.columns);
  out.source_note = std::move(described.note);
  return out;
}

} // namespace rebuy::core
