// The store subcommands: ingest, query, series, alerts, export (docs/store.md).
#pragma once

#include <CLI/CLI.hpp>

namespace dyad_cli {

// Adds the subcommands to `app`; run_store_command runs whichever was given
// and returns its exit status, or -1 if none of them was.
void add_store_commands(CLI::App& app);
int run_store_command();

}  // namespace dyad_cli
