// SPDX-License-Identifier: MIT
// Issue 16 item 3: a web link opens in the system browser only for a real gesture, once per gesture.

#include <external_link_opener.h>

#include <gtest/gtest.h>

#include <QKeyEvent>
#include <QList>
#include <QMouseEvent>
#include <QTest>
#include <QUrl>
#include <QWidget>

#include <memory>

using namespace Qt::StringLiterals;

namespace quire::test {
namespace {

using app::ExternalLinkOpener;
using Outcome = ExternalLinkOpener::Outcome;

class ExternalLinkOpenerTest : public ::testing::Test
{
protected:
    ExternalLinkOpenerTest()
        : m_links([this](const QUrl &url) {
            m_opened.append(url);
            return m_openerSucceeds;
        })
    {
        m_links.watchInput(&m_view);
    }

    QWidget m_view;
    QList<QUrl> m_opened;
    bool m_openerSucceeds = true;
    ExternalLinkOpener m_links;
};

const QUrl kLink(u"https://example.com/page"_s);

TEST_F(ExternalLinkOpenerTest, WithoutAGestureNothingOpens)
{
    EXPECT_EQ(m_links.open(kLink), Outcome::NoUserGesture);
    EXPECT_TRUE(m_opened.isEmpty());
}

TEST_F(ExternalLinkOpenerTest, AClickOpensOneLinkAndIsThenSpent)
{
    // Given
    QTest::mouseClick(&m_view, Qt::LeftButton);
    // When
    const Outcome first = m_links.open(kLink);
    const Outcome second = m_links.open(QUrl(u"https://example.com/second"_s));
    // Then
    EXPECT_EQ(first, Outcome::Opened);
    EXPECT_EQ(second, Outcome::NoUserGesture);
    EXPECT_EQ(m_opened, QList<QUrl> {kLink});
}

TEST_F(ExternalLinkOpenerTest, EnterAndSpaceAreGesturesOtherKeysAndRepeatsAreNot)
{
    QTest::keyClick(&m_view, Qt::Key_A);
    EXPECT_EQ(m_links.open(kLink), Outcome::NoUserGesture);
    QKeyEvent repeated(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, QString(), true);
    QApplication::sendEvent(&m_view, &repeated);
    EXPECT_EQ(m_links.open(kLink), Outcome::NoUserGesture);

    QTest::keyClick(&m_view, Qt::Key_Return);
    EXPECT_EQ(m_links.open(kLink), Outcome::Opened);
    QTest::keyClick(&m_view, Qt::Key_Space);
    EXPECT_EQ(m_links.open(kLink), Outcome::Opened);
    EXPECT_EQ(m_opened.size(), 2);
}

TEST_F(ExternalLinkOpenerTest, ARightClickIsNoGesture)
{
    QTest::mouseClick(&m_view, Qt::RightButton);
    EXPECT_EQ(m_links.open(kLink), Outcome::NoUserGesture);
}

TEST_F(ExternalLinkOpenerTest, InputOnAWidgetAddedLaterCounts)
{
    // QtWebEngine creates the render widget that takes the input after the view exists.
    auto *renderWidget = new QWidget(&m_view);
    QTest::mouseClick(renderWidget, Qt::LeftButton);
    EXPECT_EQ(m_links.open(kLink), Outcome::Opened);
}

TEST_F(ExternalLinkOpenerTest, InputElsewhereIsNoGesture)
{
    QWidget elsewhere;
    QTest::mouseClick(&elsewhere, Qt::LeftButton);
    EXPECT_EQ(m_links.open(kLink), Outcome::NoUserGesture);
}

TEST_F(ExternalLinkOpenerTest, OnlyWebLinksOpenEvenWithAGesture)
{
    for (const QString &url : {u"file:///etc/passwd"_s, u"javascript:alert(1)"_s, u"mailto:a@example.com"_s,
             u"quire://app/index.html"_s, u"data:text/html,x"_s, u"https://"_s}) {
        QTest::mouseClick(&m_view, Qt::LeftButton);
        EXPECT_EQ(m_links.open(QUrl(url)), Outcome::NotAWebLink) << url.toStdString();
    }
    EXPECT_TRUE(m_opened.isEmpty());
    EXPECT_EQ(m_links.open(QUrl(u"http://example.com/"_s)), Outcome::Opened);
}

TEST_F(ExternalLinkOpenerTest, AGestureExpires)
{
    QTest::mouseClick(&m_view, Qt::LeftButton);
    QTest::qWait(static_cast<int>(ExternalLinkOpener::gestureLifetime.count()) + 200);
    EXPECT_EQ(m_links.open(kLink), Outcome::NoUserGesture);
}

TEST_F(ExternalLinkOpenerTest, AFailedOpeningIsReportedAndSpendsTheGesture)
{
    m_openerSucceeds = false;
    QTest::mouseClick(&m_view, Qt::LeftButton);
    EXPECT_EQ(m_links.open(kLink), Outcome::OpenFailed);
    EXPECT_EQ(m_links.open(kLink), Outcome::NoUserGesture);
}

} // namespace
} // namespace quire::test
