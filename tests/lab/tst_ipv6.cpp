// SPDX-License-Identifier: GPL-3.0-or-later
// The lab over IPv6: its hosts are fd00::1 and fd00::2, the programs' sockets are AF_INET6, every
// segment on the wire is an IPv6 packet, and nothing but TCP crosses the wire (no router
// solicitation, no MLD report, no duplicate address detection). IPv6 is on only on the lab's TUNs.
// The same calls read the same in either version, but for the addresses ("[fd00::2]:9877").

#include "connection.h"
#include "io/pcapexport.h"
#include "io/pcapimport.h"
#include "lab/qthost.h"
#include "lab/socketaddress.h"
#include "labtest.h"
#include "testmain.h"
#include "trace/eventtext.h"
#include "trace/segmentlabels.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <arpa/inet.h>
#include <sys/socket.h>

using namespace labtest;
using namespace Qt::StringLiterals;

namespace {
// The first Call event named `fn` on `side`; -1.
qsizetype callEvent(const Trace &trace, Side side, const QString &fn)
{
    for (qsizetype i = 0; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (e.kind == EventKind::Call && e.side == side && trace.callRecord(e).fn == fn) return i;
    }
    return -1;
}

// bind() of a fresh socket of the address's family inside a host of the lab: 0, or the errno.
int bindError(Lab &lab, Side side, const char *address)
{
    SocketAddress at;
    if (!toSocketAddress(QString::fromLatin1(address), 0, at)) return -1;
    LabError error;
    UniqueFd fd = lab.newSocket(side, at.storage.ss_family, SOCK_STREAM, 0, &error);
    if (!fd) return -1;
    return ::bind(fd.get(), at.get(), at.length) == 0 ? 0 : errno;
}
} // namespace

class TestIpv6 : public QObject {
    Q_OBJECT
private slots:
    void bsdConnectionOverIpv6()
    {
        Trace trace;
        Lab lab(&trace);
        lab.setIpVersion(6);
        START_LAB(lab);
        QCOMPARE(lab.ipVersion(), 6);
        QCOMPARE(lab.address(Side::Client), u"fd00::1"_s);
        QCOMPARE(lab.address(Side::Server), u"fd00::2"_s);
        QCOMPARE(trace.info().clientAddress, u"fd00::1"_s);
        QCOMPARE(trace.info().serverAddress, u"fd00::2"_s);

        Connection c;
        MAKE_CONNECTION(lab, c);
        BsdHost *client = lab.bsd(Side::Client);
        const auto write = client->write(c.clientFd, "hello");
        QCOMPARE(client->result(write)->value, 5);
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Server, TcpState::Established), kWaitMs);
        QVERIFY(hasState(lab, Side::Client, TcpState::Established));

        // The calls say what the program did: an IPv6 socket, and addresses in brackets.
        const qsizetype socket = callEvent(trace, Side::Client, u"socket"_s);
        QVERIFY(socket >= 0);
        QCOMPARE(EventText::shortCall(trace.callRecord(trace.at(socket))), u"socket(AF_INET6, SOCK_STREAM)"_s);
        const qsizetype connect = callEvent(trace, Side::Client, u"connect"_s);
        QVERIFY(connect >= 0);
        QCOMPARE(EventText::shortCall(trace.callRecord(trace.at(connect))),
                 u"connect(%1, [fd00::2]:9877)"_s.arg(c.clientFd));

        // Every segment is an IPv6 packet between the two hosts; the SYN's MSS is the IPv4 lab's
        // (the link's MTU is 20 bytes larger for IPv6's 20 bytes more header).
        SegmentLabeler labels(trace);
        labels.update();
        int segments = 0;
        for (qsizetype i = 0; i < trace.size(); ++i) {
            const Event &e = trace.at(i);
            if (e.kind != EventKind::Send) continue;
            const QByteArrayView bytes = trace.packet(e);
            TcpSegment s;
            QCOMPARE(parseIpTcp(reinterpret_cast<const uchar *>(bytes.constData()), bytes.size(), s), ParseStatus::Ok);
            QCOMPARE(s.ipVersion, 6);
            char from[INET6_ADDRSTRLEN] = {};
            inet_ntop(AF_INET6, s.srcAddr6.data(), from, sizeof from);
            QCOMPARE(QString::fromLatin1(from), e.side == Side::Client ? u"fd00::1"_s : u"fd00::2"_s);
            if (e.flags & TcpFlag::Syn)
                QVERIFY2(labels.optionsText(i).contains(u"mss 1460"), qPrintable(labels.optionsText(i)));
            ++segments;
        }
        QVERIFY(segments >= 4); // SYN, SYN+ACK, ACK, the data (and the ACK of it, when it came yet)
        // Nothing else came out of either TUN: no router solicitation, no MLD report, no DAD probe.
        QCOMPARE(lab.wire()->stats().ignored, quint64(0));

        // The pcap export holds the IPv6 packets as they are, and reads back as the same connection.
        QString error;
        const std::optional<QByteArray> pcap = PcapExport::encode(trace, &error);
        QVERIFY2(pcap, qPrintable(error));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"v6.pcap"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(*pcap);
        f.close();
        Trace back;
        QVERIFY2(CaptureImport::open(path, 0, back, &error), qPrintable(error));
        // A capture's endpoints come with their ports.
        QVERIFY2(back.info().clientAddress.startsWith(u"[fd00::1]:"), qPrintable(back.info().clientAddress));
        QCOMPARE(back.info().serverAddress, u"[fd00::2]:9877"_s);
    }

    void quickAckRouteOverIpv6()
    {
        Trace trace;
        Lab lab(&trace);
        lab.setIpVersion(6);
        START_LAB(lab);
        LabError error;
        QVERIFY2(lab.setQuickAck(Side::Server, true, &error), qPrintable(error.message()));
        QVERIFY(lab.quickAck(Side::Server));
        QVERIFY2(lab.setQuickAck(Side::Server, false, &error), qPrintable(error.message()));
        // The route change left the host reachable: a connection still opens.
        Connection c;
        MAKE_CONNECTION(lab, c);
    }

    void qtConnectionOverIpv6()
    {
        Trace trace;
        Lab lab(&trace);
        lab.setIpVersion(6);
        START_LAB(lab);
        QtHost *server = lab.qt(Side::Server);
        QtHost *client = lab.qt(Side::Client);
        QCOMPARE(server->result(server->listen(kPort))->value, 1);
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Server, TcpState::Listen), kWaitMs);
        client->connectToHost(lab.address(Side::Server), kPort);
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Syn);
        DELIVER(lab, Direction::ServerToClient, TcpFlag::Syn | TcpFlag::Ack);
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Ack);
        QTRY_COMPARE_WITH_TIMEOUT(client->socket(0)->state(), QAbstractSocket::ConnectedState, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(server->server()->hasPendingConnections(), kWaitMs);
        const auto next = server->nextPendingConnection();
        QCOMPARE(server->result(next)->value, 0);
        const QString peer = EventText::addressWithPort(u"fd00::1"_s, client->socket(0)->localPort());
        QCOMPARE(peer.left(10), u"[fd00::1]:"_s);
        QCOMPARE(EventText::handedOver(trace.callRecord(trace.at(next + 1))), u"socket 0 (%1)"_s.arg(peer));
        const qsizetype listen = callEvent(trace, Side::Server, u"QTcpServer::listen"_s);
        QCOMPARE(EventText::shortCall(trace.callRecord(trace.at(listen))), u"QTcpServer::listen([fd00::2]:9877)"_s);
    }

    // IPv6 is on only where the lab needs it: on the TUNs of an IPv6 lab. Loopback has none (no
    // ::1), and an IPv4 lab has no IPv6 address at all.
    void ipv6OnlyOnTheLabsTuns()
    {
        Trace trace;
        Lab lab(&trace);
        lab.setIpVersion(6);
        START_LAB(lab);
        QCOMPARE(bindError(lab, Side::Client, "fd00::1"), 0);
        QCOMPARE(bindError(lab, Side::Client, "::1"), EADDRNOTAVAIL);
        QCOMPARE(bindError(lab, Side::Client, "10.0.0.1"), EADDRNOTAVAIL); // no IPv4 address either

        lab.setIpVersion(4);
        QVERIFY(lab.restart());
        QCOMPARE(lab.ipVersion(), 4);
        QCOMPARE(bindError(lab, Side::Server, "10.0.0.2"), 0);
        QCOMPARE(bindError(lab, Side::Server, "fd00::2"), EADDRNOTAVAIL);
        QCOMPARE(bindError(lab, Side::Server, "::1"), EADDRNOTAVAIL);
    }

    // A restarted host comes back with its lab's IP version and address.
    void restartedHostKeepsIpv6()
    {
        Trace trace;
        Lab lab(&trace);
        lab.setIpVersion(6);
        START_LAB(lab);
        LabError error;
        QVERIFY2(lab.restartHost(Side::Server, &error), qPrintable(error.message()));
        QCOMPARE(bindError(lab, Side::Server, "fd00::2"), 0);
        Connection c;
        MAKE_CONNECTION(lab, c);
    }
};

SYNSCOPE_TEST_MAIN(TestIpv6)
#include "tst_ipv6.moc"
