Feature: A professional sees their own alliance score month by month, never one client's answer
  Clients rate the working relationship after their sessions, and a professional's own score includes the ratings
  that clients chose not to share with them. So the score must never tell the professional that one of those
  clients answered. Each calendar month (UTC) is worked out once, after every survey sent in it has expired, and
  never changes afterwards. A month is shown only when enough of the clients who do not share answered, and more of
  them were sent a survey than that minimum, so that a shown month never means that all of them answered; otherwise
  it says "Not enough responses". No number of ratings or clients is ever shown.

  Scenario: The demo professional reads the months that have closed
    Given the demo hub is running
    When "pro1@demo.wellbeing.test" signs in with the demo password
    And they open "My alliance score" from the menu
    Then some months are shown and some say "Not enough responses"
    And the page shows "The mean of"
    And the page shows "Bond"
    And the page shows "not a validated instrument"
    And no number of ratings or clients is shown
    And the page has no serious accessibility problems
    And the page fits a 360 px wide screen

  Scenario: A client who does not share answers, and the professional sees no difference
    Given the demo hub is running
    And "client17@demo.wellbeing.test" does not share their alliance ratings with "pro1@demo.wellbeing.test"
    When "pro1@demo.wellbeing.test" signs in with the demo password
    And they note what "My alliance score" and the profile of "client17@demo.wellbeing.test" show
    And "client17@demo.wellbeing.test" answers the survey about their last session
    Then "My alliance score" and the profile of "client17@demo.wellbeing.test" show exactly what they showed before

  Scenario: A month appears once every survey sent in it has expired
    Given a professional whose hubs keep alliance surveys open for at most 7 days
    When they sent their first survey on 15 March 2026
    Then March 2026 cannot be published before 8 April 2026 at 01:00 UTC
    And March 2026 can be published from 8 April 2026 at 01:00 UTC

  Scenario Outline: Enough clients who do not share must answer, and never all of the few who were asked
    Given a professional in a hub with the default privacy rules
    When <asked> clients who do not share their ratings were sent a survey in a month and <answered> of them answered
    Then that month is <shown>

    Examples:
      | asked | answered | shown  |
      | 4     | 4        | hidden |
      | 5     | 5        | hidden |
      | 6     | 4        | hidden |
      | 6     | 5        | shown  |
      | 20    | 5        | shown  |
