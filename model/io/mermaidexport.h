// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sequencescript.h"

#include <QString>

class Trace;

// A Mermaid sequenceDiagram of the trace (see SequenceScript for what it shows), for Markdown
// documents: GitHub, GitLab and most wikis draw it.
namespace MermaidExport {
QString toText(const Trace &trace, const SequenceScript::Options &options);
// Text made safe for a message or note: ';' and '#' are Mermaid's statement separator and entity
// prefix, '<' '>' would be read as HTML, a newline would end the statement.
QString escape(const QString &text);
} // namespace MermaidExport
