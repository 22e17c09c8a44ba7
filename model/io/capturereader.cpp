// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturereader.h"

#include "linklayer.h"

#include "files/inputfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QtNumeric>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <pcap/pcap.h>
#include <vector>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CaptureReader", text);
}

constexpr quint32 kPcapngShb = 0x0a0d0d0a;
constexpr quint32 kByteOrderMagic = 0x1a2b3c4d;

quint32 le32(const uchar *p)
{
    return quint32(p[0]) | (quint32(p[1]) << 8) | (quint32(p[2]) << 16) | (quint32(p[3]) << 24);
}
quint32 be32(const uchar *p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | p[3];
}

// Integers of one pcapng section, in the byte order its header block says.
struct Order {
    bool big = false;
    quint32 u32(const uchar *p) const { return big ? be32(p) : le32(p); }
    quint16 u16(const uchar *p) const { return big ? quint16((p[0] << 8) | p[1]) : quint16(p[0] | (p[1] << 8)); }
};

// Reads the byte-order magic of a section header block at p (at least 12 bytes). False when it is neither.
bool sectionOrder(const uchar *p, Order &order)
{
    if (le32(p + 8) == kByteOrderMagic)
        order.big = false;
    else if (be32(p + 8) == kByteOrderMagic)
        order.big = true;
    else
        return false;
    return true;
}

struct Interface {
    int linkType = 0;
    quint32 snapLength = 0;
    bool binaryResolution = false; // if_tsresol: 2^-n when set, 10^-n otherwise
    int resolution = 6; // microseconds unless the interface says otherwise
    qint64 offsetSeconds = 0; // if_tsoffset
};

// The time of `units` ticks of interface `i` in nanoseconds since the epoch; false when it does not
// fit in 64 bits (a crafted if_tsresol or timestamp: 2^64 seconds is no time any clock shows).
bool toNanoseconds(quint64 units, const Interface &i, qint64 &out)
{
    qint64 ns = 0;
    if (i.binaryResolution) {
        const long double v = std::ldexp(static_cast<long double>(units), -i.resolution) * 1e9L;
        if (!(v < 9.2e18L)) // a long double past qint64 converts to undefined behaviour
            return false;
        ns = qint64(v);
    } else if (i.resolution <= 9) {
        qint64 factor = 1;
        for (int k = i.resolution; k < 9; ++k)
            factor *= 10;
        if (units > quint64(std::numeric_limits<qint64>::max()) || qMulOverflow(qint64(units), factor, &ns))
            return false;
    } else { // finer than nanoseconds (at most 10^-18, checked when the interface is read)
        quint64 divisor = 1;
        for (int k = 9; k < i.resolution; ++k)
            divisor *= 10;
        ns = qint64(units / divisor); // at most 2^64 / 10, which fits
    }
    qint64 offset = 0;
    return !qMulOverflow(i.offsetSeconds, qint64(1000000000), &offset) && !qAddOverflow(ns, offset, &out);
}

// Whether a pcapng file's interfaces differ in link type or snap length: libpcap 1.10 reads the
// file only if they are all the same. Stops quietly at anything malformed (libpcap then says what
// is wrong).
bool pcapngHasMixedInterfaces(const uchar *d, qsizetype size)
{
    qsizetype at = 0;
    Order order;
    int firstType = -1;
    quint32 firstSnap = 0;
    while (at + 12 <= size) {
        const quint32 type = le32(d + at); // the section header's type reads the same either way
        if (type == kPcapngShb && !sectionOrder(d + at, order)) return false;
        const quint32 length = order.u32(d + at + 4);
        if (length < 12 || length % 4 != 0 || qsizetype(length) > size - at) return false;
        if (order.u32(d + at) == 1 && length >= 20) {
            const int linkType = order.u16(d + at + 8);
            const quint32 snap = order.u32(d + at + 12);
            if (firstType < 0) {
                firstType = linkType;
                firstSnap = snap;
            } else if (linkType != firstType || snap != firstSnap) {
                return true;
            }
        }
        at += length;
    }
    return false;
}

// Where the bytes of a pcapng packet block are and how many were captured and sent, read from the
// block itself (libpcap cuts a frame to the interface's snap length; Wireshark does not). False
// for blocks that hold no packet.
bool packetBlock(const uchar *b, qsizetype length, const Order &order, qsizetype &fixed, qsizetype &captured,
                 qsizetype &original)
{
    const quint32 type = order.u32(b);
    if (type == 3) { // simple packet block: original length only; the rest of the block is the frame
        if (length < 16) return false;
        fixed = 12;
        original = order.u32(b + 8);
        captured = qMin(original, length - 16);
        return true;
    }
    if (type != 2 && type != 6) return false;
    if (length < 32) return false;
    fixed = 28;
    captured = order.u32(b + 20);
    original = order.u32(b + 24);
    return captured <= length - 32;
}

QString where(quint64 number, qsizetype offset)
{
    return QCoreApplication::translate("CaptureReader", "record %1 at byte %2").arg(number).arg(offset);
}

// A pcapng block that is not a frame, named for a message ("interface description block at byte 192").
QString blockWhere(quint32 type, qsizetype offset)
{
    switch (type) {
    case kPcapngShb:
        return QCoreApplication::translate("CaptureReader", "section header block at byte %1").arg(offset);
    case 1:
        return QCoreApplication::translate("CaptureReader", "interface description block at byte %1").arg(offset);
    default:
        return QCoreApplication::translate("CaptureReader", "block of type %1 at byte %2").arg(type).arg(offset);
    }
}

} // namespace

CaptureReader::CaptureReader() = default;
CaptureReader::~CaptureReader() = default;

bool CaptureReader::looksLikeCapture(QByteArrayView b)
{
    return InputFile::looksLikeCapture(b);
}

bool CaptureReader::looksLikeCapture(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && looksLikeCapture(QByteArrayView(file.read(4)));
}

bool CaptureReader::open(const QString &path, QString *error)
{
    m_path = path;
    auto file = std::make_shared<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        *error = tr("cannot open %1: %2").arg(path, file->errorString());
        return false;
    }
    if (file->size() == 0) {
        *error = tr("%1 is empty, not a capture").arg(path);
        return false;
    }
    uchar *data = file->map(0, file->size());
    if (!data) {
        *error = tr("cannot map %1: %2").arg(path, file->errorString());
        return false;
    }
    m_file = std::move(file);
    m_data = data;
    m_size = qsizetype(m_file->size());
    m_ownReader = m_size >= 4 && le32(m_data) == kPcapngShb && pcapngHasMixedInterfaces(m_data, m_size);
    return true;
}

QByteArrayView CaptureReader::bytes() const
{
    return QByteArrayView(m_data, m_size);
}

std::shared_ptr<const void> CaptureReader::mapping() const
{
    return m_file;
}

bool CaptureReader::forEach(const std::function<bool(const CaptureRecord &)> &frame, QString *error)
{
    if (!m_data) {
        *error = tr("no capture file is open");
        return false;
    }
    m_framesRead = 0;
    return m_ownReader ? forEachPcapng(frame, error) : forEachLibpcap(frame, error);
}

bool CaptureReader::forEachLibpcap(const std::function<bool(const CaptureRecord &)> &frame, QString *error)
{
    // libpcap reads through a FILE over our mapping, not over the file again: however many walks
    // a caller makes (list the connections, then import one), the file is read from disk once. Each
    // frame is handed out as a view into the mapping, found by walking the file's own structure
    // beside libpcap (asking the FILE with ftell() for every frame costs more than that). Each guess
    // is checked against the bytes libpcap returned; only a wrong guess falls back to ftell().
    FILE *stream = fmemopen(const_cast<uchar *>(m_data), size_t(m_size), "rb");
    if (!stream) {
        *error = tr("cannot open %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    pcap_t *pcap = pcap_fopen_offline_with_tstamp_precision(stream, PCAP_TSTAMP_PRECISION_NANO, errbuf);
    if (!pcap) {
        std::fclose(stream);
        *error = tr("%1 is not a capture SynScope can read (libpcap: %2)").arg(m_path, QString::fromLocal8Bit(errbuf));
        return false;
    }
    const std::unique_ptr<pcap_t, void (*)(pcap_t *)> closer(pcap, pcap_close);
    const int linkType = pcap_datalink(pcap);
    if (!LinkLayer::isSupported(linkType)) {
        *error = tr("%1: its frames are %2, which SynScope does not read (it reads %3)")
                     .arg(m_path, LinkLayer::name(linkType), LinkLayer::supportedNames());
        return false;
    }
    const bool pcapng = le32(m_data) == kPcapngShb;
    // pcap: the byte order of the record headers, from the magic number.
    const quint32 magic = le32(m_data);
    const Order pcapOrder {magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1};
    CaptureRecord r;
    r.linkType = linkType;
    qsizetype cursor = pcapng ? 0 : 24; // pcapng: the next block to look at; pcap: the next record
    Order order;
    // pcapng: the next packet block from the cursor on, with the lengths it holds itself.
    const auto nextPacketBlock = [&](qsizetype &block, qsizetype &data, qsizetype &captured, qsizetype &original) {
        while (cursor + 12 <= m_size) {
            const uchar *b = m_data + cursor;
            if (le32(b) == kPcapngShb && !sectionOrder(b, order)) return false;
            const qsizetype length = order.u32(b + 4);
            if (length < 12 || length > m_size - cursor) return false;
            qsizetype fixed = 0;
            block = cursor;
            cursor += length;
            if (packetBlock(b, length, order, fixed, captured, original)) {
                data = block + fixed;
                return true;
            }
        }
        return false;
    };
    for (;;) {
        pcap_pkthdr *header = nullptr;
        const u_char *data = nullptr;
        const int status = pcap_next_ex(pcap, &header, &data);
        if (status == PCAP_ERROR_BREAK) return true; // end of file
        const quint64 number = r.number + 1;
        if (status != 1) {
            // pcapng: point at the block libpcap stumbled on, past the whole ones before it; name it
            // by its kind when it is not a frame.
            qsizetype at = cursor;
            QString place = where(number, at);
            while (pcapng && at + 12 <= m_size) {
                const uchar *b = m_data + at;
                if (le32(b) == kPcapngShb && !sectionOrder(b, order)) break;
                const qsizetype length = order.u32(b + 4);
                const quint32 type = order.u32(b);
                place = type == 2 || type == 3 || type == 6 ? where(number, at) : blockWhere(type, at);
                if (length < 12 || length % 4 != 0 || length > m_size - at || type == 2 || type == 3 || type == 6)
                    break;
                at += length;
                place = where(number, at);
            }
            *error = tr("%1: %2: %3").arg(m_path, place, QString::fromLocal8Bit(pcap_geterr(pcap)));
            return false;
        }
        // What libpcap returned: no more than the snap length; the file may hold more of the frame.
        const qsizetype returned = qsizetype(header->caplen);
        qsizetype captured = returned;
        qsizetype dataOffset = -1;
        qsizetype blockOffset = -1;
        const auto matches = [&] {
            return dataOffset >= 0 && captured >= returned && dataOffset + captured <= m_size
                && std::memcmp(m_data + dataOffset, data, size_t(returned)) == 0;
        };
        if (!pcapng) {
            blockOffset = cursor;
            dataOffset = cursor + 16;
            if (cursor + 16 <= m_size) captured = qMax(returned, qsizetype(pcapOrder.u32(m_data + cursor + 8)));
            cursor = dataOffset + captured;
        } else {
            qsizetype original = 0;
            if (!nextPacketBlock(blockOffset, dataOffset, captured, original)) dataOffset = -1;
        }
        if (!matches()) {
            // libpcap skipped or cut something the walk did not expect: ask the FILE where it is.
            const qsizetype end = qsizetype(std::ftell(stream));
            captured = returned;
            dataOffset = -1;
            if (!pcapng) {
                dataOffset = end - captured;
                blockOffset = dataOffset - 16;
            } else if (end >= 12 && end <= m_size) {
                for (const bool big : {false, true}) {
                    const Order o {big};
                    const qsizetype length = o.u32(m_data + end - 4);
                    const qsizetype start = end - length;
                    if (length < 12 || start < 0 || o.u32(m_data + start + 4) != quint32(length)) continue;
                    qsizetype fixed = 0;
                    qsizetype inBlock = 0;
                    qsizetype original = 0;
                    if (packetBlock(m_data + start, length, o, fixed, inBlock, original) && inBlock >= returned) {
                        blockOffset = start;
                        dataOffset = start + fixed;
                        captured = inBlock;
                        order = o;
                        break;
                    }
                }
            }
            cursor = end;
        }
        if (!matches()) {
            *error = tr("%1: %2: cannot find the frame's bytes in the file")
                         .arg(m_path, where(number, blockOffset >= 0 ? blockOffset : cursor));
            return false;
        }
        r.number = number;
        r.blockOffset = blockOffset;
        r.dataOffset = dataOffset;
        // Nanoseconds, as asked; libpcap turns a pcapng timestamp into seconds that may not fit.
        qint64 ns = 0;
        r.timeOutOfRange = qMulOverflow(qint64(header->ts.tv_sec), qint64(1000000000), &ns)
            || qAddOverflow(ns, qint64(header->ts.tv_usec), &ns);
        if (!r.timeOutOfRange) r.timeNs = ns;
        r.data = m_data + dataOffset;
        r.capturedLength = captured;
        r.originalLength = qMax(qsizetype(header->len), captured);
        ++m_framesRead;
        if (!frame(r)) return true;
    }
}

bool CaptureReader::forEachPcapng(const std::function<bool(const CaptureRecord &)> &frame, QString *error)
{
    std::vector<Interface> interfaces;
    Order order;
    CaptureRecord r;
    qsizetype at = 0;
    const auto fail = [&](const QString &what) {
        *error = tr("%1: %2: %3").arg(m_path, where(r.number + 1, at), what);
        return false;
    };
    const auto failBlock = [&](quint32 type, const QString &what) {
        *error = tr("%1: %2: %3").arg(m_path, blockWhere(type, at), what);
        return false;
    };
    while (at < m_size) {
        if (m_size - at < 12) return fail(tr("the file ends inside a block header (%1 bytes left)").arg(m_size - at));
        const uchar *b = m_data + at;
        const bool section = le32(b) == kPcapngShb;
        if (section) {
            if (!sectionOrder(b, order)) return fail(tr("section header with an unknown byte-order magic"));
            interfaces.clear(); // interface numbers count from 0 again in every section
        }
        const quint32 type = order.u32(b);
        const qsizetype length = order.u32(b + 4);
        if (length < 12 || length % 4 != 0)
            return fail(tr("block length %1 is not a multiple of 4 of at least 12").arg(length));
        if (length > m_size - at)
            return fail(
                tr("block of %1 bytes, but only %2 are left: the file is truncated").arg(length).arg(m_size - at));
        if (order.u32(b + length - 4) != quint32(length))
            return fail(tr("block length %1 at its start differs from %2 at its end")
                            .arg(length)
                            .arg(order.u32(b + length - 4)));
        if (type == 1) { // interface description
            if (length < 20) return failBlock(type, tr("too short (%1 bytes)").arg(length));
            Interface i;
            i.linkType = order.u16(b + 8);
            i.snapLength = order.u32(b + 12);
            for (qsizetype o = 16; o + 4 <= length - 4;) {
                const quint16 code = order.u16(b + o);
                const qsizetype optionLength = order.u16(b + o + 2);
                if (code == 0) // opt_endofopt
                    break;
                if (o + 4 + optionLength > length - 4)
                    return failBlock(type,
                                     tr("option %1 claims %2 bytes, but only %3 are left in the block")
                                         .arg(code)
                                         .arg(optionLength)
                                         .arg(length - 4 - o - 4));
                const uchar *v = b + o + 4;
                if (code == 9 && optionLength >= 1) { // if_tsresol
                    i.binaryResolution = v[0] & 0x80;
                    i.resolution = v[0] & 0x7f;
                } else if (code == 14 && optionLength >= 8) { // if_tsoffset
                    const quint64 hi = order.u32(v);
                    const quint64 lo = order.u32(v + 4);
                    i.offsetSeconds = qint64(order.big ? (hi << 32 | lo) : (lo << 32 | hi));
                }
                o += 4 + ((optionLength + 3) & ~qsizetype(3));
            }
            if (i.binaryResolution ? i.resolution > 63 : i.resolution > 18)
                return failBlock(type, tr("interface time resolution %1 is out of range").arg(i.resolution));
            interfaces.push_back(i);
        } else if (type == 6 || type == 2 || type == 3) { // enhanced, obsolete and simple packet blocks
            const bool simple = type == 3;
            const qsizetype fixed = simple ? 12 : 28;
            if (length < fixed + 4) return fail(tr("packet block too short (%1 bytes)").arg(length));
            const quint32 interface = simple ? 0 : (type == 2 ? order.u16(b + 8) : order.u32(b + 8));
            if (interface >= interfaces.size())
                return fail(tr("packet of interface %1, but the section describes %2 interfaces")
                                .arg(interface)
                                .arg(interfaces.size()));
            const Interface &i = interfaces[interface];
            qsizetype captured = 0;
            qsizetype original = 0;
            if (simple) {
                original = order.u32(b + 8);
                captured = qMin(original, length - 16);
                if (i.snapLength) captured = qMin(captured, qsizetype(i.snapLength));
            } else {
                captured = order.u32(b + 20);
                original = order.u32(b + 24);
                if (captured > length - 32)
                    return fail(
                        tr("captured length %1 does not fit in its block of %2 bytes").arg(captured).arg(length));
                qint64 ns = 0;
                r.timeOutOfRange = !toNanoseconds((quint64(order.u32(b + 12)) << 32) | order.u32(b + 16), i, ns);
                if (!r.timeOutOfRange) r.timeNs = ns;
            }
            // A frame of a link type SynScope does not read is handed out all the same: the import
            // counts it, and shows the frames of the other interfaces.
            ++r.number;
            ++m_framesRead;
            r.blockOffset = at;
            r.dataOffset = at + fixed;
            r.linkType = i.linkType == 101 ? 12 : i.linkType; // LINKTYPE_RAW is libpcap's DLT_RAW
            r.data = b + fixed;
            r.capturedLength = captured;
            r.originalLength = original;
            if (!frame(r)) return true;
        }
        at += length;
    }
    return true;
}
