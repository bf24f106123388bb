Feature: What HR has seen never changes
  A month's figures are computed once, about an hour after the month has ended, for the whole hub and every
  department together, and are never computed again. Answers given while a month is under way show nowhere until
  it has closed; people who leave, move or stop afterwards change nothing HR has already seen. So comparing two
  readings never shows more than a whole new month, which passed every privacy rule on its own.

  Background:
    Given a hub whose Sales and Operations teams answered last month
    And its HR manager has read every figure

  Scenario: HR sees last month once it has closed
    When five Sales members answer during this month
    And the publication runs
    Then HR sees no figures for this month
    And every figure HR has read is unchanged
    When this month has closed and the publication runs
    Then HR can choose this month
    And every figure HR has read is unchanged

  Scenario: Leaving the programme changes nothing HR has seen
    When a Sales member deletes their account
    And an Operations member moves to Sales
    And an Operations member stops taking part
    And this month has closed and the publication runs
    Then HR can choose this month
    And every figure HR has read is unchanged
