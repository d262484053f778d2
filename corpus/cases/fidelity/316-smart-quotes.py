# Quotes pasted from a word processor: python3's tokenizer names the character and its code point
name = "Ada"
greeting = “Hello, ” + name
print(greeting)
