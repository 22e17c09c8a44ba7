// SPDX-License-Identifier: GPL-3.0-or-later
#include "builtinscenarios.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace {
// The order of the menu and of --list-scenarios: from the first segment to the last.
const char *const kIds[] = {"handshake",    "teardown",       "close-at-once",      "whole-connection",
                            "accept-later", "half-close",     "simultaneous-close", "simultaneous-open",
                            "refused",      "abortive-close", "unread-data-reset",  "lost-syn",
                            "lost-fin",     "data-and-acks",  "qt-handshake-close"};

QString resourcePath(const QString &id)
{
    return QStringLiteral(":/scenarios/%1.json").arg(id);
}
} // namespace

namespace BuiltinScenarios {

std::vector<Entry> list()
{
    // The resources never change: parse the files once, not at every listing.
    static const std::vector<Entry> entries = [] {
        std::vector<Entry> out;
        for (const char *id : kIds) {
            if (const std::optional<Scenario> s = find(QString::fromLatin1(id)))
                out.push_back({s->id, s->title, s->description});
        }
        return out;
    }();
    return entries;
}

std::optional<Scenario> find(const QString &id)
{
    bool known = false;
    for (const char *k : kIds)
        known = known || id == QLatin1StringView(k);
    Scenario s;
    QString error;
    if (!known) return std::nullopt;
    // Built-in files are checked by the tests; one that does not load is a build mistake.
    if (!ScenarioFile::load(resourcePath(id), s, &error)) {
        qWarning("%s", qPrintable(error));
        return std::nullopt;
    }
    return s;
}

bool load(const QString &idOrPath, Scenario &out, QString *error)
{
    if (std::optional<Scenario> s = find(idOrPath)) {
        out = std::move(*s);
        return true;
    }
    if (idOrPath != u"-" && !QFileInfo::exists(idOrPath)) { // "-": standard input
        *error = QCoreApplication::translate("BuiltinScenarios",
                                             "unknown scenario '%1': neither a built-in id (see "
                                             "--list-scenarios) nor a file")
                     .arg(idOrPath);
        return false;
    }
    return ScenarioFile::load(idOrPath, out, error);
}

QString recordingPath(const QString &id)
{
    for (const char *k : kIds) {
        if (id == QLatin1StringView(k)) {
            const QString path = QStringLiteral(":/recordings/%1.json").arg(id);
            return QFileInfo::exists(path) ? path : QString();
        }
    }
    return {};
}

} // namespace BuiltinScenarios
