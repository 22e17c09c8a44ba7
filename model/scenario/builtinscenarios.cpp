// SPDX-License-Identifier: GPL-3.0-or-later
#include "builtinscenarios.h"

#include "captionfields.h"
#include "trace/segmentlabels.h"
#include "trace/trace.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <memory>

namespace {
// The order of the menu and of --list-scenarios: from the first segment to the last.
const char *const kIds[] = {"handshake",
                            "teardown",
                            "close-at-once",
                            "whole-connection",
                            "accept-later",
                            "backlog-full",
                            "half-close",
                            "simultaneous-close",
                            "simultaneous-open",
                            "refused",
                            "filtered-port",
                            "abortive-close",
                            "linger-timeout",
                            "unread-data-reset",
                            "server-dies-mid-write",
                            "lost-syn",
                            "lost-synack",
                            "lost-data-rto",
                            "fast-retransmit",
                            "reordered-and-duplicated",
                            "lost-fin",
                            "time-wait-blocks-restart",
                            "data-and-acks",
                            "nagle",
                            "keepalive-half-open",
                            "qt-handshake-close",
                            "options-in-syn"};

QString resourcePath(const QString &id)
{
    return QStringLiteral(":/scenarios/%1.json").arg(id);
}

// The key of a text in resources/translations/*.ts: lupdate takes the English of the files from
// the list resources/translations/scenariostrings.cmake generates, with these disambiguations.
QByteArray stepKey(qsizetype step)
{
    return QByteArrayLiteral("step ") + QByteArray::number(step + 1);
}

QString translate(const QString &id, const QByteArray &what, const QString &english)
{
    if (english.isEmpty()) return english;
    const QByteArray context = QByteArrayLiteral("Scenario/") + id.toUtf8();
    return QCoreApplication::translate(context.constData(), english.toUtf8().constData(), what.constData());
}
} // namespace

namespace BuiltinScenarios {

std::vector<Entry> list()
{
    // The resources never change: parse the files once, not at every listing; the language can.
    static const std::vector<Entry> entries = [] {
        std::vector<Entry> out;
        for (const char *id : kIds) {
            if (const std::optional<Scenario> s = find(QString::fromLatin1(id), Texts::English))
                out.push_back({s->id, s->title, s->description, s->group});
        }
        return out;
    }();
    std::vector<Entry> out = entries;
    for (Entry &e : out) {
        e.title = translate(e.id, "title", e.title);
        e.description = translate(e.id, "description", e.description);
    }
    return out;
}

QString groupTitle(const QString &group)
{
    if (group == u"connect") return QCoreApplication::translate("BuiltinScenarios", "Connect");
    if (group == u"close") return QCoreApplication::translate("BuiltinScenarios", "Close");
    if (group == u"loss") return QCoreApplication::translate("BuiltinScenarios", "Loss and recovery");
    if (group == u"flow") return QCoreApplication::translate("BuiltinScenarios", "Flow and timers");
    if (group == u"options") return QCoreApplication::translate("BuiltinScenarios", "Options");
    if (group == u"whole") return QCoreApplication::translate("BuiltinScenarios", "A whole connection");
    return group;
}

std::optional<Scenario> find(const QString &id, Texts texts)
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
    if (texts == Texts::Translated) {
        s.title = translate(id, "title", s.title);
        s.description = translate(id, "description", s.description);
        // The template is translated, its fields are filled in later: they stay as they are.
        for (size_t k = 0; k < s.steps.size(); ++k)
            s.steps[k].caption = translate(id, stepKey(qsizetype(k)), s.steps[k].caption);
    }
    return s;
}

QString translated(const QString &id, const char *what, const QString &english)
{
    // Only a built-in id has a context in the translations: any other text comes back as it is.
    return translate(id, what, english);
}

QString translatedCaption(const QString &id, int step, const QString &recorded, const Trace &trace,
                          const SegmentLabeler &labels)
{
    const QString direct = translate(id, stepKey(step), recorded);
    if (direct != recorded) return direct; // a caption without fields
    const std::optional<Scenario> english = find(id, Texts::English);
    if (!english || step < 0 || size_t(step) >= english->steps.size() || size_t(step) >= trace.steps().size())
        return recorded;
    const QString &tmpl = english->steps[size_t(step)].caption;
    if (!CaptionFields::hasFields(tmpl)) return recorded;
    if (!CaptionFields::isFilledFrom(tmpl, recorded)) return recorded;
    return CaptionFields::fill(translate(id, stepKey(step), tmpl), trace, labels, trace.stepBegin(step),
                               trace.stepEnd(step));
}

std::function<QString(int, const QString &)> captionTranslator(const Trace &trace)
{
    const QString id = trace.info().scenarioId;
    if (!find(id, Texts::English)) return {};
    auto labels = std::make_shared<SegmentLabeler>(trace);
    return [id, &trace, labels](int step, const QString &recorded) {
        labels->update();
        return translatedCaption(id, step, recorded, trace, *labels);
    };
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
