// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sequencescript.h"

#include <QString>

class Trace;

// A PlantUML sequence diagram of the trace (see SequenceScript for what it shows).
namespace PlantUmlExport {
QString toText(const Trace &trace, const SequenceScript::Options &options);
// Text made safe for a message or note. Backslash starts PlantUML's escapes (\n, \t); '<' '>' '&'
// start HTML-like tags and entities; '"' ends quoted names; Creole markup is made of doubled
// characters (**bold**, //italic//, --strike--, __under__, ~~wave~~, ""mono"") and of list and
// heading marks at the start of a line. All of those become numeric entities (&#92; ...), which
// PlantUML's Creole shows as the character itself. A newline becomes PlantUML's \n.
QString escape(const QString &text);
} // namespace PlantUmlExport
