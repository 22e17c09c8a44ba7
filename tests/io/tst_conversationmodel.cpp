// SPDX-License-Identifier: GPL-3.0-or-later
// The conversation list of a capture: a well-behaved model (QAbstractItemModelTester), numbers that
// sort as numbers through a proxy, a filter over every column, and the picker returning the stream.
#include "io/conversationmodel.h"
#include "panels/conversationpicker.h"
#include "scenario.h"
#include "testmain.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

class TestConversationModel : public QObject {
    Q_OBJECT

    std::vector<Conversation> m_list;

private slots:
    void initTestCase()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("c.pcap"));
        QString error;
        QVERIFY2(GeneratedCapture::write(file, CaptureWriter::Link::Ethernet, &error), qPrintable(error));
        QVERIFY2(CaptureImport::conversations(file, m_list, &error), qPrintable(error));
        QCOMPARE(m_list.size(), size_t(5));
    }

    void model()
    {
        ConversationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversations(m_list);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), int(ConversationModel::ColumnCount));
        QCOMPARE(model.index(0, ConversationModel::Client).data().toString(), QStringLiteral("10.1.0.1:40000"));
        QCOMPARE(model.index(0, ConversationModel::End).data().toString(), QStringLiteral("FIN"));
        QCOMPARE(model.index(1, ConversationModel::End).data().toString(), QStringLiteral("RST"));
        QCOMPARE(model.index(2, ConversationModel::End).data().toString(), QStringLiteral("open"));
        QCOMPARE(model.index(0, ConversationModel::Segments).data(ConversationModel::SortRole).toULongLong(),
                 m_list[0].segments);
        QCOMPARE(model.index(3, ConversationModel::Duration).data(ConversationModel::SortRole).toLongLong(),
                 qint64(6000000)); // IPv6 stream: 600 ms to 606 ms
        model.setConversations({});
        QCOMPARE(model.rowCount(), 0);
    }

    void sortAndFilter()
    {
        ConversationModel model;
        model.setConversations(m_list);
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(ConversationModel::SortRole);
        proxy.sort(ConversationModel::Bytes, Qt::DescendingOrder);
        // By bytes as numbers: stream 0 (900 bytes) first, then 2 (48), 3 (10).
        QCOMPARE(proxy.index(0, 0).data(ConversationModel::StreamRole).toInt(), 0);
        QCOMPARE(proxy.index(1, 0).data(ConversationModel::StreamRole).toInt(), 2);
        QCOMPARE(proxy.index(2, 0).data(ConversationModel::StreamRole).toInt(), 3);
        proxy.sort(ConversationModel::Segments, Qt::AscendingOrder);
        // Streams 1 and 2 have 2 segments, 4 has 4, 3 has 7, 0 has 31.
        QCOMPARE(proxy.index(2, 0).data(ConversationModel::StreamRole).toInt(), 4);
        QCOMPARE(proxy.index(3, 0).data(ConversationModel::StreamRole).toInt(), 3);
        QCOMPARE(proxy.index(4, 0).data(ConversationModel::StreamRole).toInt(), 0);
    }

    void picker()
    {
        ConversationPicker picker(m_list);
        QCOMPARE(picker.selectedStream(), 0);
        picker.setFilterText(QStringLiteral("rst"));
        QCOMPARE(picker.proxy()->rowCount(), 2); // streams 1 and 4
        QCOMPARE(picker.selectedStream(), 1);
        picker.view()->selectRow(1);
        QCOMPARE(picker.selectedStream(), 4);
        picker.setFilterText(QStringLiteral("2001:db8"));
        QCOMPARE(picker.proxy()->rowCount(), 1);
        QCOMPARE(picker.selectedStream(), 3);
        picker.setFilterText(QStringLiteral("no such thing"));
        QCOMPARE(picker.proxy()->rowCount(), 0);
        QCOMPARE(picker.selectedStream(), -1);
        picker.setFilterText({});
        QCOMPARE(picker.proxy()->rowCount(), 5);
        QVERIFY(picker.selectedStream() >= 0);
    }
};

SYNSCOPE_TEST_MAIN(TestConversationModel)
#include "tst_conversationmodel.moc"
