import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snapToStatements, statementAt, statementBounds } from './statements.ts';

/// The statements of a text as the strings they cover, the easiest way to read a test.
function statements(text: string, locale?: string): string[] {
  return statementBounds(text, locale).map(({ start, end }) => text.slice(start, end));
}

test('a paragraph splits into its sentences, the spaces between them in none', () => {
  const text = 'The delegations met in Geneva on Tuesday.  They reviewed the draft agenda!\tWhat comes next? The talks resume in May. ';
  const at = (sentence: string) => ({ start: text.indexOf(sentence), end: text.indexOf(sentence) + sentence.length });
  assert.deepEqual(statementBounds(text), [
    at('The delegations met in Geneva on Tuesday.'),
    at('They reviewed the draft agenda!'),
    at('What comes next?'),
    at('The talks resume in May.'),
  ]);
  assert.deepEqual(statementBounds(text)[0], { start: 0, end: 41 });
  assert.deepEqual(statements(text), [
    'The delegations met in Geneva on Tuesday.',
    'They reviewed the draft agenda!',
    'What comes next?',
    'The talks resume in May.',
  ]);
});

test('an empty block has no statement, and one without punctuation is one statement', () => {
  assert.deepEqual(statementBounds(''), []);
  assert.deepEqual(statementBounds(' \u00a0\t '), []);
  assert.deepEqual(statements('  Joint communiqué of the foreign ministers '), ['Joint communiqué of the foreign ministers']);
  assert.deepEqual(statementBounds('Press release'), [{ start: 0, end: 13 }]);
});

test('a sentence break inside a quotation does not end the statement; the closing quote belongs to it', () => {
  const text = 'The minister stated: “We welcome the outcome. We will sign the protocol.” The session closed at noon.';
  assert.deepEqual(statements(text), [
    'The minister stated: “We welcome the outcome. We will sign the protocol.”',
    'The session closed at noon.',
  ]);
  assert.equal(statementBounds(text)[0]!.end, text.indexOf('”') + 1);
  assert.deepEqual(statements('The envoy replied: "Our position is unchanged. We remain open to dialogue." Consultations continue.'), [
    'The envoy replied: "Our position is unchanged. We remain open to dialogue."',
    'Consultations continue.',
  ]);
  assert.deepEqual(statements('The chair recalled the ‘spirit of Helsinki. It still guides us.’ Then the vote was taken.'), [
    'The chair recalled the ‘spirit of Helsinki. It still guides us.’',
    'Then the vote was taken.',
  ]);
});

test('Russian and German quotation marks keep their sentences together', () => {
  assert.deepEqual(statements('Министр заявил: «Мы поддерживаем диалог. Переговоры будут продолжены». Встреча завершилась.', 'ru'), [
    'Министр заявил: «Мы поддерживаем диалог. Переговоры будут продолжены».',
    'Встреча завершилась.',
  ]);
  // Inner quotes „…“ inside «…»: only the outer quotation counts.
  assert.deepEqual(statements('Посол отметил: «Документ называется „Об укреплении доверия. Часть вторая“. Он готов». Далее слово взял эксперт.', 'ru'), [
    'Посол отметил: «Документ называется „Об укреплении доверия. Часть вторая“. Он готов».',
    'Далее слово взял эксперт.',
  ]);
  assert.deepEqual(statements('Der Minister sagte: „Wir begrüßen das Ergebnis. Wir unterzeichnen morgen.“ Die Sitzung endete.', 'de'), [
    'Der Minister sagte: „Wir begrüßen das Ergebnis. Wir unterzeichnen morgen.“',
    'Die Sitzung endete.',
  ]);
});

test('French guillemets set off by spaces, plain, no-break or narrow, close their statement', () => {
  for (const space of [' ', '\u00a0', '\u202f']) {
    const text = `La ministre a déclaré${space}: «${space}Nous saluons cet accord. Nous le signerons${space}!${space}» Les travaux reprendront demain.`;
    assert.deepEqual(statements(text, 'fr'), [
      `La ministre a déclaré${space}: «${space}Nous saluons cet accord. Nous le signerons${space}!${space}»`,
      'Les travaux reprendront demain.',
    ], `with U+${space.charCodeAt(0).toString(16)}`);
  }
  // A quotation that ends its sentence but is followed by lower case goes on: « … », a-t-il ajouté.
  assert.deepEqual(statements('« Nous restons prêts au dialogue. » a-t-il ajouté. La séance est levée.', 'fr'), [
    '« Nous restons prêts au dialogue. » a-t-il ajouté.',
    'La séance est levée.',
  ]);
});

test('a quoted question or exclamation followed by lower case does not end the statement', () => {
  assert.deepEqual(statements('“Is this the end of the process?” asked the spokesperson. No, it is not.'), [
    '“Is this the end of the process?” asked the spokesperson.',
    'No, it is not.',
  ]);
  assert.deepEqual(statements('“We will not accept this!” the delegate said. The chair called for order.'), [
    '“We will not accept this!” the delegate said.',
    'The chair called for order.',
  ]);
});

test('apostrophes are not quotation marks', () => {
  assert.deepEqual(statements('The ministers’ meeting ended early. The parties don’t expect a deal. Work goes on.'), [
    'The ministers’ meeting ended early.',
    'The parties don’t expect a deal.',
    'Work goes on.',
  ]);
  assert.deepEqual(statements("The ministers' meeting ended early. The parties don't expect a deal. Work goes on."), [
    "The ministers' meeting ended early.",
    "The parties don't expect a deal.",
    'Work goes on.',
  ]);
  assert.deepEqual(statements('La délégation n’a pas d’objection. L’accord est conclu.', 'fr'), [
    'La délégation n’a pas d’objection.',
    'L’accord est conclu.',
  ]);
});

test('a quotation that never closes in the block does not swallow the sentences after it', () => {
  assert.deepEqual(statements('The communiqué opens: “The parties reaffirm their commitment. Both sides agree. The text continues in the annex.'), [
    'The communiqué opens: “The parties reaffirm their commitment.',
    'Both sides agree.',
    'The text continues in the annex.',
  ]);
});

test('titles, Latin abbreviations and reference numbers do not end a statement', () => {
  assert.deepEqual(statements('Mr. Petrov met Mrs. Okafor and Dr. Lindqvist in Vienna. Prof. Haddad joined them later.'), [
    'Mr. Petrov met Mrs. Okafor and Dr. Lindqvist in Vienna.',
    'Prof. Haddad joined them later.',
  ]);
  assert.deepEqual(statements('Several partners, e.g. Brazil and India, backed the text. Others, i.e. The Hague group, abstained. It passed.'), [
    'Several partners, e.g. Brazil and India, backed the text.',
    'Others, i.e. The Hague group, abstained.',
    'It passed.',
  ]);
  assert.deepEqual(statements('The Council adopted resolution No. 2417 unanimously. Art. IV of the treaty applies. Debate closed.'), [
    'The Council adopted resolution No. 2417 unanimously.',
    'Art. IV of the treaty applies.',
    'Debate closed.',
  ]);
  assert.deepEqual(statements('The talks were held in St. Petersburg. They lasted two days.'), [
    'The talks were held in St. Petersburg.',
    'They lasted two days.',
  ]);
});

test('initials stay with the name they stand before', () => {
  assert.deepEqual(statements('Minister S.V. Ivanov received H.E. Mr. Tanaka. Talks were cordial.'), [
    'Minister S.V. Ivanov received H.E. Mr. Tanaka.',
    'Talks were cordial.',
  ]);
  assert.deepEqual(statements('The award went to Amina J. Mensah. She thanked the jury.'), [
    'The award went to Amina J. Mensah.',
    'She thanked the jury.',
  ]);
  assert.deepEqual(statements('Министр С.В. Иванов и посол А. Б. Смирнов провели встречу. Стороны обменялись мнениями.', 'ru'), [
    'Министр С.В. Иванов и посол А. Б. Смирнов провели встречу.',
    'Стороны обменялись мнениями.',
  ]);
});

test('"U.S." ends a statement before an ordinary capital word, not before a word of a title', () => {
  assert.deepEqual(statements('The U.S. delegation arrived on Monday. It left on Friday.'), [
    'The U.S. delegation arrived on Monday.',
    'It left on Friday.',
  ]);
  assert.deepEqual(statements('Consultations were held with the U.S. The parties agreed to meet again.'), [
    'Consultations were held with the U.S.',
    'The parties agreed to meet again.',
  ]);
  assert.deepEqual(statements('The talks ended. U.S. Secretary of State Reyes then spoke. So did the U.N. Special Envoy.'), [
    'The talks ended.',
    'U.S. Secretary of State Reyes then spoke.',
    'So did the U.N. Special Envoy.',
  ]);
  // Even before an ordinary word, an initialism alone is never a statement.
  assert.deepEqual(statements('U.K. Officials attended. The meeting was brief.'), ['U.K. Officials attended.', 'The meeting was brief.']);
});

test('"a.m." and "p.m." end a statement only before a capital, as the segmenter decides', () => {
  assert.deepEqual(statements('The ceremony begins at 10 a.m. on Thursday. The signing follows at 4 p.m. Journalists must register.'), [
    'The ceremony begins at 10 a.m. on Thursday.',
    'The signing follows at 4 p.m.',
    'Journalists must register.',
  ]);
});

test('Russian abbreviations: "т. е." and "г." before a city carry on, "г." after a year ends the sentence', () => {
  assert.deepEqual(statements('Встреча прошла в г. Женеве, т. е. на нейтральной площадке. Следующий раунд состоится в г. Вене.', 'ru'), [
    'Встреча прошла в г. Женеве, т. е. на нейтральной площадке.',
    'Следующий раунд состоится в г. Вене.',
  ]);
  assert.deepEqual(statements('Соглашение подписано 12 марта 2024 г. Стороны договорились продолжить работу.', 'ru'), [
    'Соглашение подписано 12 марта 2024 г.',
    'Стороны договорились продолжить работу.',
  ]);
  assert.deepEqual(statements('С 1992\u00a0г. Россия участвует в работе форума. Это важно.', 'ru'), [
    'С 1992\u00a0г. Россия участвует в работе форума.',
    'Это важно.',
  ]);
});

test('an ellipsis before a capital ends a statement, one before lower case does not', () => {
  assert.deepEqual(statements('The negotiations were long… But a compromise emerged. The parties waited... Then they signed.'), [
    'The negotiations were long…',
    'But a compromise emerged.',
    'The parties waited...',
    'Then they signed.',
  ]);
  assert.deepEqual(statements('The list of signatories grew… and grew. Our work continues.'), [
    'The list of signatories grew… and grew.',
    'Our work continues.',
  ]);
  assert.deepEqual(statements('Переговоры шли долго… Наконец стороны договорились.', 'ru'), [
    'Переговоры шли долго…',
    'Наконец стороны договорились.',
  ]);
});

test('offsets count UTF-16 units: emoji and flags sit whole inside their statement', () => {
  const text = 'We welcome our partners 🤝. The 🇺🇳 flag was raised at dawn. 𝐁old claims were made.';
  const bounds = statementBounds(text);
  assert.deepEqual(bounds.map(({ start, end }) => text.slice(start, end)), [
    'We welcome our partners 🤝.',
    'The 🇺🇳 flag was raised at dawn.',
    '𝐁old claims were made.',
  ]);
  // 🤝 is two units, 🇺🇳 four, 𝐁 two.
  assert.deepEqual(bounds[0], { start: 0, end: 27 });
  assert.deepEqual(bounds[1], { start: 28, end: 61 });
  assert.deepEqual(bounds[2], { start: 62, end: text.length });
  // Between the two halves of the flag's surrogate pairs, the offset is still in its statement.
  assert.deepEqual(statementAt(text, text.indexOf('🇺🇳') + 1), bounds[1]);
});

test('a line break within a block separates statements', () => {
  assert.deepEqual(statements('Joint statement\nThe ministers met in Rome.'), ['Joint statement', 'The ministers met in Rome.']);
});

test('an unknown or malformed locale falls back to the default segmenter', () => {
  const text = 'The summit opened. Leaders spoke.';
  assert.deepEqual(statements(text, 'en_GB'), ['The summit opened.', 'Leaders spoke.']);
  assert.deepEqual(statements(text, 'english'), ['The summit opened.', 'Leaders spoke.']);
});

test('statementAt finds the statement around an offset, the one before in the gap after it', () => {
  const text = '  The summit opened.   Leaders spoke.';
  const [first, second] = statementBounds(text);
  assert.deepEqual(first, { start: 2, end: 20 });
  assert.deepEqual(second, { start: 23, end: 37 });
  assert.deepEqual(statementAt(text, 0), first);
  assert.deepEqual(statementAt(text, 2), first);
  assert.deepEqual(statementAt(text, 10), first);
  assert.deepEqual(statementAt(text, 20), first);
  assert.deepEqual(statementAt(text, 22), first);
  assert.deepEqual(statementAt(text, 23), second);
  assert.deepEqual(statementAt(text, text.length), second);
  assert.equal(statementAt('', 0), null);
  assert.equal(statementAt('   ', 1), null);
  assert.throws(() => statementAt(text, text.length + 1), /offset 38 is outside the block's text \(0 to 37\)/);
  assert.throws(() => statementAt(text, -1), RangeError);
});

test('snapToStatements grows a range to the whole statements it touches', () => {
  const text = 'The summit opened. Leaders spoke at length. The press was briefed.';
  const [a, b, c] = statementBounds(text) as [{ start: number; end: number }, { start: number; end: number }, { start: number; end: number }];
  // A collapsed range: the statement around it.
  assert.deepEqual(snapToStatements(text, 25, 25), b);
  // Part of one statement, and parts of two.
  assert.deepEqual(snapToStatements(text, 20, 30), b);
  assert.deepEqual(snapToStatements(text, 5, 30), { start: a.start, end: b.end });
  // A range already on statement bounds stays.
  assert.deepEqual(snapToStatements(text, a.start, b.end), { start: a.start, end: b.end });
  assert.deepEqual(snapToStatements(text, b.start, c.end), { start: b.start, end: c.end });
  // Whitespace at an edge does not reach into the next statement, and is left out.
  assert.deepEqual(snapToStatements(text, a.start, b.start), a);
  assert.deepEqual(snapToStatements(text, a.end, c.start - 3), b);
  assert.deepEqual(snapToStatements(text, a.end, b.start), { start: a.end, end: b.start });
  assert.throws(() => snapToStatements(text, 10, 5), /starts at 10, after its end 5/);
  assert.deepEqual(snapToStatements('', 0, 0), { start: 0, end: 0 });
});
