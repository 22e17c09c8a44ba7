// SPDX-License-Identifier: GPL-3.0-or-later
// The lab's traffic never leaves its two hosts: each namespace routes only to its peer over the
// wire, a connect() anywhere else fails at once, and every socket the lab hands out lives in a
// lab namespace.

#include "connection.h"
#include "lab/qthost.h"
#include "testmain.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
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

// Dumps the main routing table of the namespace the netlink socket lives in.
std::vector<Route> mainRoutes(int fd)
{
    struct {
        nlmsghdr nlh;
        rtmsg rtm;
    } req {};
    req.nlh.nlmsg_len = sizeof req;
    req.nlh.nlmsg_type = RTM_GETROUTE;
    req.nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    req.rtm.rtm_family = AF_INET;
    std::vector<Route> routes;
    if (::send(fd, &req, sizeof req, 0) < 0)
        return routes;
    alignas(nlmsghdr) char buf[16384];
    for (;;) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            return routes;
        int len = int(n);
        for (auto *h = reinterpret_cast<nlmsghdr *>(buf); NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
            if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)
                return routes;
            const auto *rtm = static_cast<const rtmsg *>(NLMSG_DATA(h));
            if (rtm->rtm_table != RT_TABLE_MAIN)
                continue;
            Route r;
            r.prefix = rtm->rtm_dst_len;
            int attrLen = int(RTM_PAYLOAD(h));
            for (auto *a = RTM_RTA(rtm); RTA_OK(a, attrLen); a = RTA_NEXT(a, attrLen)) {
                if (a->rta_type == RTA_DST)
                    r.dst = ntohl(*static_cast<const quint32 *>(RTA_DATA(a)));
                if (a->rta_type == RTA_GATEWAY)
                    r.viaGateway = true;
            }
            routes.push_back(r);
        }
    }
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
    if (ns < 0)
        return 0;
    struct stat st { };
    fstat(ns, &st);
    ::close(ns);
    return st.st_ino;
}
}

class TestIsolation : public QObject {
    Q_OBJECT
private slots:
    void onlyTheRouteToThePeer()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        for (Side side : { Side::Client, Side::Server }) {
            LabError error;
            UniqueFd rt = lab.newSocket(side, AF_NETLINK, SOCK_RAW, NETLINK_ROUTE, &error);
            QVERIFY2(rt, qPrintable(error.message()));
            const std::vector<Route> routes = mainRoutes(rt.get());
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
        lab.qt(Side::Client)->connectToHost(Lab::address(Side::Server), kPort + 1);

        UniqueFd outside(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        const quint64 ourCookie = cookieOf(outside.get());
        QVERIFY(ourCookie != 0);
        QVERIFY(lab.netnsCookie(Side::Client) != lab.netnsCookie(Side::Server));
        QVERIFY(!lab.isInLab(outside.get(), Side::Client));

        const std::vector<std::pair<int, Side>> fds {
            { c.listenFd, Side::Server },
            { c.serverFd, Side::Server },
            { c.clientFd, Side::Client },
            { int(lab.qt(Side::Server)->server()->socketDescriptor()), Side::Server },
            { int(lab.qt(Side::Client)->socket(0)->socketDescriptor()), Side::Client },
        };
        const bool canAskInode = netnsInodeOf(outside.get()) != 0 && geteuid() == 0;
        for (const auto &[fd, side] : fds) {
            QVERIFY(fd >= 0);
            QCOMPARE(cookieOf(fd), lab.netnsCookie(side));
            QVERIFY(cookieOf(fd) != ourCookie);
            if (canAskInode)
                QCOMPARE(netnsInodeOf(fd), lab.netnsInode(side));
        }
        if (qEnvironmentVariable("CI") == u"true")
            QVERIFY2(canAskInode, "CI runs as root: SIOCGSKNS must be checked there");
    }
};

SYNSCOPE_TEST_MAIN(TestIsolation)
#include "tst_isolation.moc"
