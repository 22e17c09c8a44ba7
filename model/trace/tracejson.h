// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

class Trace;

// The trace file format (docs/trace-format.md): versioned JSON, lossless — save, load and save
// again gives the same bytes.
namespace TraceJson {
// Version 2 added IPv6 and snap-length-cut packets in "raw" and the analysis marks of imported
// segments; version 3 the scenario a recording ran and its steps with their captions; version 4 the
// rest of Wireshark's analysis marks of imported segments; version 5 the queues events (a socket's
// queues and windows as sock_diag reported them) and the host settings changed while recording.
// Older files still load (without those).
constexpr int kVersion = 5;
// The largest trace file read (1 GiB): beyond, a file is refused before it is parsed. A lab run or a
// capture's connection of millions of segments stays well under it.
constexpr qint64 kMaxFileBytes = qint64(1) << 30;

QByteArray save(const Trace &trace);
// Replaces the trace's content. On failure the trace is left empty and *error says what is wrong
// and where: "line 3, column 17: ..." for JSON syntax, "events[3].seq: ..." for a wrong value.
bool load(const QByteArray &json, Trace &trace, QString *error);
} // namespace TraceJson
