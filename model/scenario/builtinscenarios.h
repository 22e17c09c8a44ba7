// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario.h"

#include <optional>
#include <vector>

// The scenarios that come with SynScope: files in resources/scenarios/<id>.json, compiled in.
namespace BuiltinScenarios {
// The port of the textbook's examples (Stevens, UNP: SERV_PORT).
constexpr quint16 kServerPort = 9877;

struct Entry {
    QString id;
    QString title;
    QString description; // one paragraph, for a start page or a tooltip
};
// In teaching order (handshake first).
std::vector<Entry> list();
std::optional<Scenario> find(const QString &id);
// A built-in id, or else the path of a scenario file ("-": standard input): false with *error
// saying what and where.
bool load(const QString &idOrPath, Scenario &out, QString *error);
// The bundled recording of a built-in scenario, made on real kernels (a saved trace with steps:
// resources/recordings/<id>.json); empty for an id that has none.
QString recordingPath(const QString &id);
} // namespace BuiltinScenarios
