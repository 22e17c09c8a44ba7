// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>
#include <functional>
#include <memory>

class QFile;

// One frame of a capture file, pointing into the file's mapping.
struct CaptureRecord {
    quint64 number = 0; // 1 for the first frame, as Wireshark's frame.number
    qsizetype blockOffset = 0; // where the record (pcap) or block (pcapng) starts in the file
    qsizetype dataOffset = 0; // where the frame's bytes start in the file
    int linkType = 0;
    qint64 timeNs = 0; // nanoseconds since the Unix epoch
    const uchar *data = nullptr; // the frame's captured bytes, inside the mapping
    qsizetype capturedLength = 0;
    qsizetype originalLength = 0; // on the wire; more than capturedLength when the snap length cut it
    // The frame's time does not fit in 64-bit nanoseconds since the epoch (after the year 2262, or
    // before 1678): timeNs is then the previous frame's, and the import leaves the frame out.
    bool timeOutOfRange = false;
};

// Reads a .pcap or .pcapng file frame by frame without copying it: the file is mapped, libpcap
// reads it (nanosecond timestamps), and each frame is handed out as a view into the mapping so an
// import can keep referring to it (the mapping stays alive as long as someone holds mapping()).
//
// libpcap 1.10 refuses a pcapng file whose interfaces have different link types or snap lengths
// ("an interface has a type N different from the type of the first interface", "... a snapshot
// length N different from ..."), which Wireshark and mergecap write when they merge captures of
// different interfaces. For those files only, a small pcapng block reader of our own (RFC
// draft-ietf-opsawg-pcapng: SHB, IDB, EPB, SPB and the obsolete PB) reads the frames instead, each
// with its own interface's link type.
//
// A record may hold more bytes than the file header's snap length says (tcpdump writes such files
// when its snap length changed, and fuzzed files do): libpcap then hands out only the first snap
// length bytes, but the frame is taken whole from the file, as Wireshark does.
class CaptureReader {
public:
    CaptureReader();
    ~CaptureReader();
    CaptureReader(const CaptureReader &) = delete;
    CaptureReader &operator=(const CaptureReader &) = delete;

    // Quick look at the first bytes: a pcap or pcapng magic number.
    static bool looksLikeCapture(const QString &path);
    static bool looksLikeCapture(QByteArrayView firstBytes);

    // Opens and maps the file. False with *error saying what is wrong.
    bool open(const QString &path, QString *error);
    // Calls `frame` for every frame in file order, until it returns false (stop, no error). False
    // with *error ("record 12 at byte 4711: ...") when the file is damaged or cut short; the frames
    // before the damage have been handed out by then (framesRead() says how many), so a caller can
    // show what is there, as Wireshark does with a cut file.
    bool forEach(const std::function<bool(const CaptureRecord &)> &frame, QString *error);
    quint64 framesRead() const { return m_framesRead; }

    QString path() const { return m_path; }
    // The whole file, mapped; shared so an imported trace can keep it alive.
    QByteArrayView bytes() const;
    std::shared_ptr<const void> mapping() const;
    // True when the file needed SynScope's own pcapng reader (interfaces of different link types
    // or snap lengths).
    bool usesOwnPcapngReader() const { return m_ownReader; }

private:
    bool forEachLibpcap(const std::function<bool(const CaptureRecord &)> &frame, QString *error);
    bool forEachPcapng(const std::function<bool(const CaptureRecord &)> &frame, QString *error);

    QString m_path;
    std::shared_ptr<QFile> m_file;
    const uchar *m_data = nullptr;
    qsizetype m_size = 0;
    bool m_ownReader = false;
    quint64 m_framesRead = 0;
};
