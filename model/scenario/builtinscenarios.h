// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenariorunner.h"

#include <optional>

namespace BuiltinScenarios {
// The port of the textbook's examples (Stevens, UNP: SERV_PORT).
constexpr quint16 kServerPort = 9877;

struct Entry {
    QString id;
    QString title;
};
std::vector<Entry> list();
std::optional<Scenario> find(const QString &id);
}
