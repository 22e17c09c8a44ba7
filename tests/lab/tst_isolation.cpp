// SPDX-License-Identifier: GPL-3.0-or-later
// The lab's traffic never leaves its two hosts: each namespace routes only to its peer over the
// wire, a connect() anywhere else fails at once, and every socket the lab hands out lives in a
// lab namespace.

#include "connection.h"
#include "lab/qthost.h"
#include "testmain.h"

#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <arpa/inet.h>
#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>

#ifndef SO_NETNS_COOKIE
#define SO_NETNS_COOKIE 71
#endif

using namespace labtest;

namespace {
struct Route {
    quint32 dst = 0;
    int prefix = 0;
    bool viaGateway = false;
};

// The main routing table of a lab host. The helper hands out no NETLINK_ROUTE socket (only TCP
// and sock_diag), so the table is read where the kernel shows it for a process: the helper's
// /proc/PID/net/route, right after it made a socket in that host (it stays in the namespace of the
// last socket it made; checked against the host's namespace inode).
std::vector<Route> mainRoutes(Lab &lab, Side side, QString *why)
{
    LabError error;
    if (!lab.newSocket(side, AF_INET, SOCK_STREAM, 0, &error)) {
        *why = error.message();
        return {};
    }
    struct stat ns { };
    const QByteArray nsPath = QStringLiteral("/proc/%1/ns/net").arg(lab.helperPid()).toLatin1();
    if (::stat(nsPath.constData(), &ns) != 0 || quint64(ns.st_ino) != lab.netnsInode(side)) {
        *why = QStringLiteral("the helper is not in the %1 host's namespace").arg(sideName(side));
        return {};
    }
    QFile table(QStringLiteral("/proc/%1/net/route").arg(lab.helperPid()));
    if (!table.open(QIODevice::ReadOnly)) {
        *why = table.errorString();
        return {};
    }
    std::vector<Route> routes;
    table.readLine(); // Iface Destination Gateway Flags RefCnt Use Metric Mask MTU Window IRTT
    while (!table.atEnd()) {
        const QList<QByteArray> f = table.readLine().simplified().split(' ');
        if (f.size() < 8) continue;
        // Addresses as the kernel's __be32 printed in host order.
        const quint32 dst = ntohl(f[1].toUInt(nullptr, 16));
        const quint32 mask = ntohl(f[7].toUInt(nullptr, 16));
        const quint32 flags = f[3].toUInt(nullptr, 16);
        routes.push_back(Route {dst, int(__builtin_popcount(mask)), (flags & 0x2) != 0}); // RTF_GATEWAY
    }
    return routes;
}

quint64 cookieOf(int fd)
{
    quint64 cookie = 0;
    socklen_t len = sizeof cookie;
    return getsockopt(fd, SOL_SOCKET, SO_NETNS_COOKIE, &cookie, &len) == 0 ? cookie : 0;
}

// The namespace inode of a socket (SIOCGSKNS needs CAP_NET_ADMIN over that namespace: 0 if denied).
quint64 netnsInodeOf(int fd)
{
    const int ns = ioctl(fd, SIOCGSKNS);
    if (ns < 0) return 0;
    struct stat st { };
    fstat(ns, &st);
    ::close(ns);
    return st.st_ino;
}
} // namespace

class TestIsolation : public QObject {
    Q_OBJECT
private slots:
    void onlyTheRouteToThePeer()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        for (Side side : {Side::Client, Side::Server}) {
            QString why;
            const std::vector<Route> routes = mainRoutes(lab, side, &why);
            QVERIFY2(why.isEmpty(), qPrintable(why));
            QCOMPARE(routes.size(), size_t(1));
            const quint32 peer = side == Side::Client ? 0x0a000002 : 0x0a000001;
            QCOMPARE(routes[0].dst, peer);
            QCOMPARE(routes[0].prefix, 32);
            QVERIFY(!routes[0].viaGateway);
        }
    }

    void noWayOut()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        BsdHost *client = lab.bsd(Side::Client);
        const int fd = int(client->result(client->socket())->value);
        const auto connect = client->connect(fd, QStringLiteral("192.0.2.1"), 80); // TEST-NET-1
        QVERIFY(client->hasReturned(connect)); // at once: there is no route
        QCOMPARE(client->result(connect)->err, ENETUNREACH);
        QCoreApplication::processEvents();
        lab.probe()->pollNow();
        QCOMPARE(lab.wire()->stats().packets, 0u);
        QCOMPARE(lab.wire()->stats().ignored, 0u);
        QCOMPARE(lab.wire()->inFlightCount(), 0);
    }

    void everySocketIsInTheLab()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        Connection c;
        MAKE_CONNECTION(lab, c);
        lab.qt(Side::Server)->listen(kPort + 1);
        lab.qt(Side::Client)->connectToHost(Lab::address(4, Side::Server), kPort + 1);

        UniqueFd outside(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        const quint64 ourCookie = cookieOf(outside.get());
        QVERIFY(ourCookie != 0);
        QVERIFY(lab.netnsCookie(Side::Client) != lab.netnsCookie(Side::Server));
        QVERIFY(!lab.isInLab(outside.get(), Side::Client));

        const std::vector<std::pair<int, Side>> fds {
            {c.listenFd, Side::Server},
            {c.serverFd, Side::Server},
            {c.clientFd, Side::Client},
            {int(lab.qt(Side::Server)->server()->socketDescriptor()), Side::Server},
            {int(lab.qt(Side::Client)->socket(0)->socketDescriptor()), Side::Client},
        };
        const bool canAskInode = netnsInodeOf(outside.get()) != 0 && geteuid() == 0;
        for (const auto &[fd, side] : fds) {
            QVERIFY(fd >= 0);
            QCOMPARE(cookieOf(fd), lab.netnsCookie(side));
            QVERIFY(cookieOf(fd) != ourCookie);
            if (canAskInode) QCOMPARE(netnsInodeOf(fd), lab.netnsInode(side));
        }
        if (qEnvironmentVariable("CI") == u"true")
            QVERIFY2(canAskInode, "CI runs as root: SIOCGSKNS must be checked there");
    }
};

SYNSCOPE_TEST_MAIN(TestIsolation)
#include "tst_isolation.moc"
