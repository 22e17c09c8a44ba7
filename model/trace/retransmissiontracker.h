// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QHashFunctions>

struct TcpSegment;

// Marks segments that repeat sequence space their sender already sent, per direction of a
// connection, whatever happened to the original (held, dropped or delivered).
class RetransmissionTracker {
public:
    // Returns true when the segment is a retransmission. Call in send order.
    bool observe(const TcpSegment &segment);
    void clear() { m_flows.clear(); }

    // Modular comparison of sequence numbers (RFC 9293 §3.4).
    static bool seqLess(quint32 a, quint32 b) { return qint32(a - b) < 0; }

private:
    struct FlowKey {
        quint32 src, dst;
        quint16 srcPort, dstPort;
        friend bool operator==(const FlowKey &, const FlowKey &) = default;
        friend size_t qHash(const FlowKey &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.src, k.dst, k.srcPort, k.dstPort);
        }
    };
    struct Flow {
        quint32 isn = 0;
        quint32 highestEnd = 0; // one past the highest sequence number sent
        bool sawSyn = false;
        bool sawSynAck = false; // a SYN with ACK repeated a plain SYN: a simultaneous open's answer
    };
    QHash<FlowKey, Flow> m_flows;
};
