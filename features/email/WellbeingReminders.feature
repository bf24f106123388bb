Feature: E-mail reminders to fill in the Wellbeing Index
  The Wellbeing Index is due when the latest one is older than the hub's cadence (14 days unless the hub changes it).
  A member is reminded by e-mail once when it falls due, and once more the hub's follow-up days later (3 unless
  changed) if it is still due; never more for the same due date. E-mail goes out only in the hub's sending hours
  (08:00 to 20:00 in the hub's time zone unless changed): a message that falls due at night waits for the morning.
  The jobs behind it run every hour; here a clock of the scenario's own moves through the days.

  Scenario: Reminded once, once more three days later, and never at night
    Given a member of a hub in "Europe/London" whose latest Wellbeing Index was filled in at 22:00, 14 days before tomorrow
    And it is 12:00 in the hub
    When the reminder and e-mail jobs run every hour for 2 days
    Then the member has received 1 e-mail: "Time for your Wellbeing Index"
    And it arrived at 08:00 in the hub, the morning after the index fell due
    When the reminder and e-mail jobs run every hour for 3 days
    Then the member has received 2 e-mails: "Time for your Wellbeing Index" and 3 days later "Your Wellbeing Index is still waiting"
    When the reminder and e-mail jobs run every hour for 14 days
    Then the member has received 2 e-mails: "Time for your Wellbeing Index" and 3 days later "Your Wellbeing Index is still waiting"
    And every e-mail arrived between 08:00 and 20:00 in the hub and links to the Wellbeing Index

  Scenario: Filling in the index after the reminder stops the follow-up
    Given a member of a hub in "Europe/London" whose latest Wellbeing Index was filled in at 10:00, 14 days before tomorrow
    And it is 12:00 in the hub
    When the reminder and e-mail jobs run every hour for 2 days
    Then the member has received 1 e-mail: "Time for your Wellbeing Index"
    When the member fills in the Wellbeing Index
    And the reminder and e-mail jobs run every hour for 5 days
    Then the member has received 1 e-mail: "Time for your Wellbeing Index"
