// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <sys/socket.h>

// A socket address of either family, as bind() and connect() take it: the lab runs over IPv4 or
// IPv6, and its programs' calls carry the address as text ("10.0.0.2", "fd00::2").
struct SocketAddress {
    sockaddr_storage storage {};
    socklen_t length = 0;
    const sockaddr *get() const { return reinterpret_cast<const sockaddr *>(&storage); }
};

// The address parsed as IPv6 when it holds a colon, else as IPv4; false when it is neither.
bool toSocketAddress(const QString &address, quint16 port, SocketAddress &out);
// The address family a socket needs to reach `address` (AF_INET6 when it holds a colon).
int addressFamily(const QString &address);
// The peer of a connected socket as the call text shows it ("10.0.0.1:50435", "[fd00::1]:50435");
// empty when it has none.
QString peerText(int fd);
