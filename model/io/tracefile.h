// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inputfile.h"
#include "pcapimport.h"

#include <QString>
#include <vector>

class Trace;

// A file opened to be shown: a SynScope trace or a pcap/pcapng capture, whichever its first bytes
// say (never its name). Opened as an InputFile: no FIFO or device, "-" for standard input, a trace
// file at most TraceJson::kMaxFileBytes; a capture has no size limit, since it is mapped, not read.
// The window (with its connection picker) and the command line both open files through here.
class TraceFile {
public:
    // False with one message: cannot open, not a regular file, empty, neither kind.
    bool open(const QString &path, QString *error);
    bool isCapture() const { return m_kind == InputFile::Kind::Capture; }
    QString name() const { return m_file.name(); }

    // A capture's TCP connections (CaptureImport::conversations()).
    bool conversations(std::vector<Conversation> &out, QString *error);
    // Replaces the trace's content: the trace file, or connection `stream` of a capture (-1: the
    // first). On failure the trace is left empty.
    bool load(int stream, Trace &trace, QString *error);

private:
    bool capturePath(QString *path, QString *error);

    InputFile m_file;
    InputFile::Kind m_kind = InputFile::Kind::Unknown;
};
