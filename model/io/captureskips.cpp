// SPDX-License-Identifier: GPL-3.0-or-later
#include "captureskips.h"

#include "capturereader.h"
#include "linklayer.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("CaptureSkips", text);
}

QString hex16(quint32 v)
{
    return QStringLiteral("0x%1").arg(v, 4, 16, QLatin1Char('0'));
}

QString headerName(CaptureSkips::Header h, int linkType)
{
    using H = CaptureSkips::Header;
    switch (h) {
    case H::Link:
        return LinkLayer::name(linkType);
    case H::Ethernet:
        return LinkLayer::name(1);
    case H::Vlan:
        return QCoreApplication::translate("CaptureSkips", "VLAN tag");
    case H::Mpls:
        return QCoreApplication::translate("CaptureSkips", "MPLS");
    case H::Pppoe:
        return QCoreApplication::translate("CaptureSkips", "PPPoE");
    case H::Ipv4:
        return QCoreApplication::translate("CaptureSkips", "IPv4");
    case H::Ipv6:
        return QCoreApplication::translate("CaptureSkips", "IPv6");
    case H::Tcp:
        return QCoreApplication::translate("CaptureSkips", "TCP");
    case H::Gre:
        return QCoreApplication::translate("CaptureSkips", "GRE");
    case H::Udp:
        return QCoreApplication::translate("CaptureSkips", "UDP");
    case H::Vxlan:
        return QCoreApplication::translate("CaptureSkips", "VXLAN");
    case H::Geneve:
        return QCoreApplication::translate("CaptureSkips", "Geneve");
    case H::Ah:
        return QCoreApplication::translate("CaptureSkips", "IPsec AH");
    case H::Erspan:
        return QCoreApplication::translate("CaptureSkips", "ERSPAN");
    }
    return {};
}

// "1 frame", "412 frames"; fragments are counted as such.
QString count(quint64 n, bool fragments)
{
    if (fragments)
        return n == 1 ? QCoreApplication::translate("CaptureSkips", "1 IP fragment")
                      : QCoreApplication::translate("CaptureSkips", "%1 IP fragments").arg(n);
    return n == 1 ? QCoreApplication::translate("CaptureSkips", "1 frame")
                  : QCoreApplication::translate("CaptureSkips", "%1 frames").arg(n);
}
} // namespace

CaptureSkips::Entry &CaptureSkips::entry(Kind kind, quint32 detail)
{
    for (Entry &e : m_entries) {
        if (e.kind == kind && e.detail == detail) return e;
    }
    m_entries.push_back(Entry {kind, detail});
    return m_entries.back();
}

void CaptureSkips::add(Kind kind, quint32 detail, const CaptureRecord &r)
{
    Entry &e = entry(kind, detail);
    if (e.count++ == 0) {
        e.number = r.number;
        e.offset = r.blockOffset;
        e.captured = r.capturedLength;
        e.original = r.originalLength;
        e.linkType = r.linkType;
    }
}

void CaptureSkips::add(Kind kind, quint32 detail, quint64 number, qsizetype offset, quint64 n)
{
    Entry &e = entry(kind, detail);
    if (e.count == 0) {
        e.number = number;
        e.offset = offset;
    }
    e.count += n;
}

quint64 CaptureSkips::total() const
{
    quint64 n = 0;
    for (const Entry &e : m_entries)
        n += e.count;
    return n;
}

QStringList CaptureSkips::lines() const
{
    QStringList out;
    for (const Entry &e : m_entries) {
        const QString place = tr("record %1 at byte %2").arg(e.number).arg(e.offset);
        const bool fragments =
            e.kind == Kind::FragmentsIncomplete || e.kind == Kind::FragmentsOverBudget || e.kind == Kind::FragmentCut;
        QString what;
        switch (e.kind) {
        case Kind::SnapCut: {
            // The precise story of the first one, as a single damaged frame has always been told.
            const QString story = tr("the capture kept only %1 of the frame's %2 bytes (its snap length), which "
                                     "cuts the %3 header")
                                      .arg(e.captured)
                                      .arg(e.original)
                                      .arg(headerName(Header(e.detail), e.linkType));
            out << (e.count == 1 ? tr("%1: %2").arg(place, story)
                                 : tr("%1 cut by the snap length inside their headers; the first, %2: %3")
                                       .arg(count(e.count, false), place, story));
            continue;
        }
        case Kind::LinkType:
            what = tr("of %1, which SynScope does not read (it reads %2)")
                       .arg(LinkLayer::name(int(e.detail)), LinkLayer::supportedNames());
            break;
        case Kind::Short:
            what = (e.count == 1 ? tr("that ends inside its %1 header") : tr("that end inside their %1 header"))
                       .arg(headerName(Header(e.detail), e.linkType));
            break;
        case Kind::Malformed:
            what = tr("with a malformed %1 header").arg(headerName(Header(e.detail), e.linkType));
            break;
        case Kind::Encrypted:
            what = tr("of IEEE 802.11 whose payload is protected (encrypted)");
            break;
        case Kind::Undecoded:
            switch (LinkLayer::Undecoded(e.detail)) {
            case LinkLayer::Undecoded::WlanAggregate:
                what = tr("of IEEE 802.11 aggregates (A-MSDU), which SynScope does not take apart");
                break;
            case LinkLayer::Undecoded::WlanFragment:
                what = tr("of fragmented IEEE 802.11 frames, which SynScope does not reassemble");
                break;
            case LinkLayer::Undecoded::PppCompressed:
                what = tr("of PPP with compressed or encrypted datagrams, which SynScope does not expand");
                break;
            case LinkLayer::Undecoded::None:
                break;
            }
            break;
        case Kind::Gre:
            what = e.detail == kGreRouting
                ? tr("in GRE tunnels with source routing, which SynScope does not decode")
                : tr("in GRE tunnels carrying protocol %1, which SynScope does not decode").arg(hex16(e.detail));
            break;
        case Kind::Geneve:
            what = tr("in Geneve tunnels carrying protocol %1, which SynScope does not decode").arg(hex16(e.detail));
            break;
        case Kind::Esp:
            what = tr("of IPsec ESP, whose payload is encrypted");
            break;
        case Kind::AhTcp:
            what = tr("of TCP behind an IPsec AH header in IPv4, which SynScope does not decode");
            break;
        case Kind::MplsPayload:
            what = tr("of MPLS whose payload is neither IP nor Ethernet");
            break;
        case Kind::FragmentsIncomplete:
            what = tr("of datagrams whose other fragments never came");
            break;
        case Kind::FragmentsOverBudget:
            what = tr("left out: more datagrams waited for their other fragments than SynScope keeps (64 MiB)");
            break;
        case Kind::FragmentCut:
            what = tr("cut by the snap length, whose datagrams cannot be reassembled");
            break;
        case Kind::TimeOutOfRange:
            what = tr("whose time is out of range (before 1678 or after 2262)");
            break;
        }
        out << tr("%1 %2 (%3%4)")
                   .arg(count(e.count, fragments), what, e.count == 1 ? QString() : tr("the first: "), place);
    }
    return out;
}
