// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <memory>
#include <vector>

class Trace;

// One TCP connection found in a capture.
struct Conversation {
    enum class End : quint8 { Open, Fin, Rst };

    int stream = 0; // Wireshark's tcp.stream for the same file
    QString client; // "10.0.0.1:42918": the sender of the first SYN, else the first sender
    QString server;
    quint64 segments = 0;
    quint64 bytes = 0; // TCP payload, both directions
    qint64 firstNs = 0; // capture time of the first and last segment, nanoseconds since the epoch
    qint64 lastNs = 0;
    End end = End::Open; // RST seen, else FIN seen, else still open when the capture ends
    bool sawSyn = false; // the handshake's SYN is in the file

    qint64 durationNs() const { return lastNs - firstNs; }
};

QString conversationEndName(Conversation::End end); // "FIN", "RST", "open"

// Opens .pcap and .pcapng captures (see CaptureReader) and turns one TCP connection of them into a
// Trace: TraceInfo.source "capture", endpoints "address:port", one Send event per segment with
// Wireshark's analysis marks (retransmission, duplicate ACK, out-of-order, zero window), and the
// TCP states each side must have passed through (RFC 9293 §3.3.2) as inferred State events. No
// calls: a capture does not know them. Packet bytes are not copied: the trace refers into the
// mapped file, which it keeps open.
// A capture opened once: mapped, and walked once to list its TCP connections; any of them can then
// be imported from the same mapping without listing them again (CaptureImport::open() does both in
// one go). The window lists the connections for its picker, then imports the one chosen.
class CaptureFile {
public:
    CaptureFile();
    ~CaptureFile();
    CaptureFile(const CaptureFile &) = delete;
    CaptureFile &operator=(const CaptureFile &) = delete;

    // Maps the file and lists its connections. False with *error as CaptureImport::conversations().
    bool open(const QString &path, QString *error);
    // Numbered as tcp.stream; empty for a capture without TCP.
    const std::vector<Conversation> &conversations() const;
    // Imports connection `stream` (-1: stream 0) into `trace`, replacing what it held: one more walk
    // over the mapping, which stops at the connection's last frame. False with *error (and the trace
    // left empty) as CaptureImport::open().
    bool import(int stream, Trace &trace, QString *error);

private:
    struct Scan;
    std::unique_ptr<Scan> m_scan;
};

namespace CaptureImport {

// Does the file start like a pcap or pcapng capture?
bool isCapture(const QString &path);
// Lists every TCP connection in the file, numbered as tcp.stream. False with *error for a file
// that cannot be read; a capture without TCP gives an empty list and true.
bool conversations(const QString &path, std::vector<Conversation> &out, QString *error);
// Imports connection `stream` (-1: stream 0) into `trace`, replacing what it held. False with
// *error (and the trace left empty) when the file is bad or has no such connection.
bool open(const QString &path, int stream, Trace &trace, QString *error);

} // namespace CaptureImport
