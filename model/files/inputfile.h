// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <memory>

class QTemporaryFile;

// A file a user names to be read: a scenario, a trace or a capture, or "-" for standard input.
// It is opened without blocking (a FIFO or a device never hangs open()) and then fstat'ed on that
// same descriptor, so what is checked is what is read: anything but a regular file (a FIFO, a
// device, a directory, a socket) is refused with a message saying what it is. Whole reads have a
// limit, checked as the bytes come (/proc files and standard input have no size beforehand).
class InputFile {
public:
    // What the first bytes say the file is for.
    enum class Kind { Empty, Capture, Json, Unknown };

    InputFile();
    ~InputFile();
    InputFile(const InputFile &) = delete;
    InputFile &operator=(const InputFile &) = delete;

    // False with *error ("cannot open x: No such file or directory", "x is a FIFO, not a file ...").
    bool open(const QString &path, QString *error);
    QString path() const { return m_path; }
    // How the file is named in messages: its path, or "standard input".
    QString name() const;

    // The reader the first bytes call for: pcap/pcapng magic, JSON (an object, after white space or
    // a UTF-8 byte order mark), nothing at all, or neither.
    Kind kind(QString *error);
    static Kind kindOf(QByteArrayView firstBytes);
    // pcap (either byte order, micro- or nanosecond) or pcapng, from the first four bytes.
    static bool looksLikeCapture(QByteArrayView firstBytes);
    // "x is empty" / "x is neither a capture (pcap or pcapng) nor a SynScope trace (JSON): it starts with 7f 45 4c 46"
    QString kindError(Kind kind) const;

    // The whole content, refused past `limit` bytes: "x is larger than 16 MiB, the most a scenario
    // file may be" (`what` is "a scenario file", "a trace file").
    bool readAll(qint64 limit, const QString &what, QByteArray &out, QString *error);
    // A path that opens this very file again, for readers that take a path (the capture reader
    // maps the file): /proc/self/fd/N, or for standard input a temporary copy of it (at most `limit`
    // bytes). replacePath() puts the user's name back into such a reader's messages.
    QString reopenablePath(qint64 limit, QString *error);
    QString replacePath(QString message) const;

    // "16 MiB", "1 GiB", "1.5 KiB"
    static QString sizeText(qint64 bytes);

private:
    bool fill(qint64 upTo, qint64 limit, const QString &what, QString *error);

    QString m_path;
    int m_fd = -1;
    bool m_stdin = false;
    bool m_resource = false; // a Qt resource (":/scenarios/..."), read with QFile
    bool m_eof = false;
    QByteArray m_read; // what was read so far (the first bytes, for kind())
    QString m_reopened; // the path reopenablePath() handed out
    std::unique_ptr<QTemporaryFile> m_copy;
};
