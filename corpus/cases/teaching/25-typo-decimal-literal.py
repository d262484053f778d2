# A student's scoreboard: the variable name starts with a digit, and the string has an apostrophe in it.
scores = {"ana": 91, "ben": 78, "cy": 85}
ranking = sorted(scores, key=scores.get, reverse=True)
1st_place = ranking[0]
print('The winner's score is', scores[1st_place])
