# fish completion for reg @@VERSION@@, written by 'reg completion fish'.
# Commands, options and fixed values are in the table below (from reg's picocli model); workflow
# names, kind/name, versions, release and ADR numbers are read from the repository when Tab is
# pressed, by 'reg __complete'. Install it with:  reg completion fish > ~/.config/fish/completions/reg.fish

set -g __reg_table (string split \n -- '@@TABLE@@')

# The table lines of KIND (c, o or p) for command CMD, without those two fields.
function __reg_facts --argument-names kind cmd
    string replace -rf -- '^'(string escape --style=regex -- "$kind|$cmd|") '' $__reg_table
end

# What completes the value of option NAME of command CMD; fails when the option takes no value.
function __reg_option_values --argument-names cmd name
    for f in (__reg_facts o $cmd)
        set -l parts (string split '|' -- $f)
        if test "$parts[1]" = "$name"; and test "$parts[2]" = 1
            echo $parts[3]
            return 0
        end
    end
    return 1
end

# Prints the candidates VALUES describes (files, dirs, words:…, dyn:TYPE), each after LEAD.
function __reg_values --argument-names values lead cur global prog
    set -l pos $argv[6..-1]
    switch $values
        case files
            __fish_complete_path "$cur"
        case dirs
            __fish_complete_directories "$cur"
        case 'words:*'
            for w in (string split ' ' -- (string replace 'words:' '' -- $values))
                printf '%s%s\n' $lead $w
            end
        case 'dyn:*'
            set -l g
            test -n "$global"; and set g -C $global
            for line in ($prog $g __complete (string replace 'dyn:' '' -- $values) -- "$cur" $pos 2>/dev/null </dev/null)
                printf '%s%s\n' $lead $line
            end
    end
end

function __reg_complete
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l prog (string replace -r '^~' $HOME -- $tokens[1])
    set -e tokens[1]
    set -l cmd reg
    set -l pending
    set -l global
    set -l pos
    for word in $tokens
        if test -n "$pending"
            test "$pending" = -C; and set global (string replace -r '^~' $HOME -- $word)
            set pending
        else if string match -q -- '-*' $word
            if not string match -q -- '*=*' $word; and __reg_option_values $cmd $word >/dev/null
                set pending $word
            end
        else if test (count $pos) -eq 0; and contains -- $word (__reg_facts c $cmd | string replace -r '\|.*' '')
            set cmd "$cmd $word"
        else
            set -a pos $word
        end
    end
    if test -n "$pending"
        __reg_values (__reg_option_values $cmd $pending) '' "$cur" "$global" $prog $pos
        return
    end
    if string match -qr -- '^-[^=]*=' $cur
        set -l name (string replace -r '=.*' '' -- $cur)
        set -l values (__reg_option_values $cmd $name)
        and __reg_values $values "$name=" (string replace -r '^[^=]*=' '' -- $cur) "$global" $prog $pos
        return
    end
    if string match -q -- '-*' $cur
        for f in (__reg_facts o $cmd)
            set -l parts (string split '|' -- $f)
            printf '%s\t%s\n' $parts[1] $parts[4]
        end
        return
    end
    if test (count $pos) -eq 0
        for f in (__reg_facts c $cmd)
            string replace '|' \t -- $f
        end
    end
    set -l n (count $pos)
    for f in (__reg_facts p $cmd)
        set -l parts (string split '|' -- $f)
        if test $parts[1] -le $n; and test $n -le $parts[2]
            __reg_values "$parts[3]" '' "$cur" "$global" $prog $pos
            break
        end
    end
end

complete -c reg -f -a '(__reg_complete)'
