// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "files/inputfile.h"
#include "pcapimport.h"

#include <QString>
#include <functional>
#include <memory>
#include <vector>

class Trace;

// A file opened to be shown: a SynScope trace or a pcap/pcapng capture, whichever its first bytes
// say (never its name). Opened as an InputFile: no FIFO or device, "-" for standard input, a trace
// file at most TraceJson::kMaxFileBytes; a capture has no size limit, since it is mapped, not read.
// A capture is mapped and its connections listed once (CaptureFile): load() imports from the same
// mapping.
class TraceFile {
public:
    TraceFile();
    ~TraceFile();
    TraceFile(const TraceFile &) = delete;
    TraceFile &operator=(const TraceFile &) = delete;

    // Which connection of a capture to show, given its list: its tcp.stream, or -1 to give up (with
    // *error saying why, or left empty when the user cancelled).
    using ChooseConnection = std::function<int(const std::vector<Conversation> &conversations, QString *error)>;

    // The one way a file is opened to be shown, by the window and by the command line: open(), for
    // a capture conversations() and `choose`, then load(). False with *error (empty: the choice was
    // cancelled). The trace is touched only once a connection is chosen: replacedTrace() says
    // whether it was (a load that then failed leaves it empty).
    bool read(const QString &path, Trace &trace, const ChooseConnection &choose, QString *error);
    bool replacedTrace() const { return m_replaced; }

    // False with one message: cannot open, not a regular file, empty, neither kind.
    bool open(const QString &path, QString *error);
    bool isCapture() const { return m_kind == InputFile::Kind::Capture; }
    QString name() const { return m_file.name(); }

    // A capture's TCP connections (as CaptureImport::conversations()), listed once.
    bool conversations(std::vector<Conversation> &out, QString *error);
    // Replaces the trace's content: the trace file, or connection `stream` of a capture (-1: the
    // first). On failure the trace is left empty.
    bool load(int stream, Trace &trace, QString *error);

private:
    bool openCapture(QString *error);

    InputFile m_file;
    InputFile::Kind m_kind = InputFile::Kind::Unknown;
    std::unique_ptr<CaptureFile> m_capture; // mapped and listed once, for conversations() and load()
    bool m_replaced = false;
};
