Feature: Scoring the Wellbeing Index
  The Wellbeing Index is the WHO-5. Each of its five statements is answered from 0 (at no time) to 5 (all of the
  time). The raw score is the sum (0-25); the reported score is the raw score times 4 (0-100).
  Scores of 28 or below are Poor and flag possible depression to a professional the client shares with;
  29 to 50 are Moderate; 51 and above are Good. It is a screen, not a diagnosis.

  Scenario Outline: Answers give a score, a bracket and a flag
    Given the Wellbeing Index as shipped
    When a client answers <a1>, <a2>, <a3>, <a4> and <a5>
    Then the raw score is <raw>
    And the reported score is <score>
    And the bracket with default settings is "<bracket>"
    And possible depression is <flagged>

    Examples:
      | a1 | a2 | a3 | a4 | a5 | raw | score | bracket  | flagged     |
      | 0  | 0  | 0  | 0  | 0  | 0   | 0     | Poor     | flagged     |
      | 2  | 1  | 2  | 1  | 1  | 7   | 28    | Poor     | flagged     |
      | 2  | 2  | 2  | 1  | 1  | 8   | 32    | Moderate | not flagged |
      | 3  | 3  | 2  | 2  | 2  | 12  | 48    | Moderate | not flagged |
      | 3  | 3  | 3  | 2  | 2  | 13  | 52    | Good     | not flagged |
      | 5  | 5  | 5  | 5  | 5  | 25  | 100   | Good     | not flagged |

  Scenario: An incomplete form has no score
    Given the Wellbeing Index as shipped
    When a client answers only the first four statements
    Then the form is refused and the only missing statement is "My daily life has been filled with things that interest me"
