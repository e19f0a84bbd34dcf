/* An importer written against the C ABI that returns its last rows together with
 * REBUY_END (the ABI asks for an empty batch): the host must keep them. It reads
 * files starting with "ENDROWS": two records, then three records and a reject
 * that come with the end. */
#include <rebuy/plugin_abi.h>

#include <stdlib.h>
#include <string.h>

REBUY_MARKER();

struct rebuy_importer {
  int calls;
};

static int32_t probe(rebuy_str head, rebuy_str file_name) {
  (void)file_name;
  return head.size >= 7 && memcmp(head.data, "ENDROWS", 7) == 0 ? 100 : 0;
}

static rebuy_status open_importer(const rebuy_host *host, const rebuy_input *input,
                                  const rebuy_option *options, size_t option_count,
                                  rebuy_importer **out, rebuy_error_sink *errors) {
  (void)host, (void)input, (void)options, (void)option_count, (void)errors;
  *out = calloc(1, sizeof(rebuy_importer));
  return *out ? REBUY_OK : REBUY_ERROR;
}

static rebuy_status describe(rebuy_importer *importer, rebuy_source_info *out,
                             rebuy_error_sink *errors) {
  (void)importer, (void)errors;
  out->kind = REBUY_RECORD_SURVEY;
  return REBUY_OK;
}

static const rebuy_field fields[] = {{REBUY_ROLE_TEXT, {"text", 4}, {"a row", 5}}};
static const rebuy_record first[] = {{2, REBUY_RECORD_SURVEY, fields, 1},
                                     {3, REBUY_RECORD_SURVEY, fields, 1}};
static const rebuy_field last_fields[][1] = {{{REBUY_ROLE_ID, {"id", 2}, {"4", 1}}},
                                             {{REBUY_ROLE_ID, {"id", 2}, {"5", 1}}},
                                             {{REBUY_ROLE_ID, {"id", 2}, {"6", 1}}}};
static const rebuy_record last[] = {{4, REBUY_RECORD_SURVEY, last_fields[0], 1},
                                    {5, REBUY_RECORD_SURVEY, last_fields[1], 1},
                                    {6, REBUY_RECORD_SURVEY, last_fields[2], 1}};
static const rebuy_row_issue last_reject[] = {{7, {"unreadable", 10}, {"x;y", 3}}};

static rebuy_status read_batch(rebuy_importer *importer, size_t max_records, rebuy_batch *out,
                               rebuy_error_sink *errors) {
  (void)max_records, (void)errors;
  switch (importer->calls++) {
  case 0:
    out->records = first;
    out->record_count = 2;
    return REBUY_OK;
  case 1:
    out->records = last;
    out->record_count = 3;
    out->rejects = last_reject;
    out->reject_count = 1;
    return REBUY_END;
  default:
    return REBUY_END;
  }
}

static void close_importer(rebuy_importer *importer) { free(importer); }

static const rebuy_importer_api api = {
    sizeof(rebuy_importer_api), probe, open_importer, describe, read_batch, close_importer};

static const rebuy_plugin_info info = {sizeof(rebuy_plugin_info),
                                       REBUY_ABI_MAJOR,
                                       REBUY_PLUGIN_MIN_ABI_MINOR,
                                       REBUY_KIND_IMPORTER,
                                       {"end_with_rows", 13},
                                       {"End with rows", 13},
                                       {"1.0.0", 5},
                                       {"Returns rows with REBUY_END, for tests", 38},
                                       0,
                                       &api,
                                       0};

REBUY_EXPORT const rebuy_plugin_info *rebuy_plugin_entry_v1(void) { return &info; }
