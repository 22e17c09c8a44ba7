// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario.h"

class SegmentLabeler;
class Trace;

#include <functional>
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
    QString group; // ScenarioFile::groups()
};
// In teaching order (handshake first).
std::vector<Entry> list();
// Titles, descriptions and captions come in the language of the installed translators (the files
// hold the English: the source texts of resources/translations/*.ts, context "Scenario/<id>");
// Texts::English gives them as the file has them, to compare with what a recording holds.
enum class Texts : quint8 { Translated, English };
std::optional<Scenario> find(const QString &id, Texts texts = Texts::Translated);
// A text a recording or a trace kept of built-in scenario `id` ("title", "description"), in the
// current language when it is the built-in English text; otherwise unchanged.
QString translated(const QString &id, const char *what, const QString &english);
// A recording's caption of step `step` (0-based) of built-in scenario `id`, in the current language
// when it is that step's English caption: as it is, or, for a template with fields (CaptionFields),
// filled in; then the translated template is filled from the step's events of `trace`. Otherwise
// (another version of the scenario, a caption of one's own) unchanged.
QString translatedCaption(const QString &id, int step, const QString &recorded, const Trace &trace,
                          const SegmentLabeler &labels);
// translatedCaption() for every step of `trace` (which must outlive it), for an export; empty when
// the trace is no recording of a built-in scenario.
std::function<QString(int step, const QString &recorded)> captionTranslator(const Trace &trace);
// The heading a group's scenarios are listed under ("connect": "Connect"); the group itself for
// one unknown.
QString groupTitle(const QString &group);
// A built-in id, or else the path of a scenario file ("-": standard input): false with *error
// saying what and where.
bool load(const QString &idOrPath, Scenario &out, QString *error);
// The bundled recording of a built-in scenario, made on real kernels (a saved trace with steps:
// resources/recordings/<id>.json); empty for an id that has none.
QString recordingPath(const QString &id);
} // namespace BuiltinScenarios
