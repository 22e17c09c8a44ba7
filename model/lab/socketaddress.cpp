// SPDX-License-Identifier: GPL-3.0-or-later
#include "socketaddress.h"

#include "trace/eventtext.h"

#include <arpa/inet.h>
#include <netinet/in.h>

int addressFamily(const QString &address)
{
    return address.contains(u':') ? AF_INET6 : AF_INET;
}

bool toSocketAddress(const QString &address, quint16 port, SocketAddress &out)
{
    out = {};
    const QByteArray text = address.toLatin1();
    if (addressFamily(address) == AF_INET6) {
        auto *sa = reinterpret_cast<sockaddr_in6 *>(&out.storage);
        sa->sin6_family = AF_INET6;
        sa->sin6_port = htons(port);
        out.length = sizeof *sa;
        return inet_pton(AF_INET6, text.constData(), &sa->sin6_addr) == 1;
    }
    auto *sa = reinterpret_cast<sockaddr_in *>(&out.storage);
    sa->sin_family = AF_INET;
    sa->sin_port = htons(port);
    out.length = sizeof *sa;
    return inet_pton(AF_INET, text.constData(), &sa->sin_addr) == 1;
}

QString peerText(int fd)
{
    sockaddr_storage ss {};
    socklen_t len = sizeof ss;
    if (getpeername(fd, reinterpret_cast<sockaddr *>(&ss), &len) != 0) return {};
    char text[INET6_ADDRSTRLEN] = {};
    if (ss.ss_family == AF_INET6) {
        const auto *sa = reinterpret_cast<const sockaddr_in6 *>(&ss);
        if (!inet_ntop(AF_INET6, &sa->sin6_addr, text, sizeof text)) return {};
        return EventText::addressWithPort(QString::fromLatin1(text), ntohs(sa->sin6_port));
    }
    const auto *sa = reinterpret_cast<const sockaddr_in *>(&ss);
    if (ss.ss_family != AF_INET || !inet_ntop(AF_INET, &sa->sin_addr, text, sizeof text)) return {};
    return EventText::addressWithPort(QString::fromLatin1(text), ntohs(sa->sin_port));
}
